import type { Card, Relation } from './board'
import { cardKind, type AnyCardKind, type CardColor } from './kinds'
import { boundsOf } from './geometry'

/** A board reduced to boxes and lines, small enough to send over IPC and draw as a thumbnail. */
export interface BoardPreview {
  /** The area the shapes cover, in board units (the thumbnail's viewBox). */
  x: number
  y: number
  width: number
  height: number
  /** Containers first, so they draw underneath. */
  shapes: { id: string; kind: AnyCardKind; color?: CardColor; x: number; y: number; width: number; height: number }[]
  /** Relations as lines between card centres. */
  lines: { x1: number; y1: number; x2: number; y2: number }[]
}

/** More would not show at thumbnail size. */
const MAX_SHAPES = 300
const MAX_LINES = 300

export function boardPreview(board: { readonly cards: readonly Card[]; readonly relations: readonly Relation[] }): BoardPreview {
  const cards = board.cards.slice(0, MAX_SHAPES)
  const box = boundsOf(cards) ?? { x: 0, y: 0, width: 0, height: 0 }
  const centres = new Map(cards.map((c) => [c.id, { x: Math.round(c.x + c.width / 2), y: Math.round(c.y + c.height / 2) }]))
  const lines: BoardPreview['lines'] = []
  for (const r of board.relations) {
    const a = centres.get(r.from)
    const b = centres.get(r.to)
    if (a && b && lines.length < MAX_LINES) lines.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y })
  }
  const isContainer = (c: { kind: AnyCardKind }): boolean => cardKind(c.kind).container
  const ordered = [...cards.filter(isContainer), ...cards.filter((c) => !isContainer(c))]
  return {
    ...box,
    shapes: ordered.map((c) => ({
      id: c.id,
      kind: c.kind,
      ...(c.color ? { color: c.color } : {}),
      x: Math.round(c.x),
      y: Math.round(c.y),
      width: Math.round(c.width),
      height: Math.round(c.height)
    })),
    lines
  }
}
