import { describe, expect, it } from 'vitest'
import { cardKinds } from '../kinds'
import { harbourAndPine, nodeExportFonts } from './fonts.testing'
import { iconNodes, iconPath } from './icons'
import { buildScene, cardsInSelection, NothingToExportError } from './scene'
import { wrapText } from './textLayout'

const fonts = nodeExportFonts()
const board = harbourAndPine()

describe('the export scene', () => {
  it('spans every card plus the padding, whatever the viewport', () => {
    const minX = Math.min(...board.cards.map((c) => c.x))
    const maxX = Math.max(...board.cards.map((c) => c.x + c.width))
    const tight = buildScene(board, fonts, { background: 'light', padding: 0 })
    const padded = buildScene(board, fonts, { background: 'light', padding: 40 })
    expect(tight.width).toBeGreaterThanOrEqual(maxX - minX)
    expect(tight.width).toBeLessThan(maxX - minX + 40) // only shadows reach past the cards
    expect(padded.width).toBe(tight.width + 80)
    expect(padded.height).toBe(tight.height + 80)
    expect(padded.origin.x).toBe(tight.origin.x - 40)
  })

  it('draws containers first, then relation lines, then cards, then relation labels (the canvas order)', () => {
    const roles = buildScene(board, fonts, { background: 'light', padding: 0 }).groups.map((g) => (g.role === 'card' && (g.kind === 'garden' || g.kind === 'frame') ? 'container' : g.role))
    const order = ['container', 'relation', 'card', 'relationLabel']
    const ranks = roles.map((r) => order.indexOf(r))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(new Set(roles)).toEqual(new Set(order))
  })

  it('exports a selection: its cards, cards inside a selected garden, and only relations between them', () => {
    const ids = cardsInSelection(board, new Set(['garden-ai', 'ft-dwh']))
    expect([...ids].sort()).toEqual(['ft-dwh', 'garden-ai', 'seed-delay', 'seed-triage'])
    const scene = buildScene(board, fonts, { background: 'light', padding: 0, cardIds: ids })
    expect(scene.groups.filter((g) => g.role === 'card').map((g) => g.id).sort()).toEqual([...ids].sort())
    expect(scene.groups.filter((g) => g.role === 'relation').map((g) => g.label)).toEqual(['Delay prediction model depends on Data warehouse migration'])
    expect(scene.width).toBeLessThan(buildScene(board, fonts, { background: 'light', padding: 0 }).width)
  })

  it('refuses an empty board or an empty selection with a message, instead of a blank image', () => {
    expect(() => buildScene({ ...board, cards: [], relations: [] }, fonts, { background: 'light', padding: 0 })).toThrow(NothingToExportError)
    expect(() => buildScene(board, fonts, { background: 'light', padding: 0, cardIds: new Set() })).toThrow(/no cards are selected/)
  })

  it('uses each background: a transparent image has none', () => {
    expect(buildScene(board, fonts, { background: 'light', padding: 0 }).background).toBe('#ffffff')
    expect(buildScene(board, fonts, { background: 'dark', padding: 0 }).background).toBe('#111827')
    expect(buildScene(board, fonts, { background: 'transparent', padding: 0 }).background).toBeNull()
  })

  it('bounds each group around all it draws, so a renderer in tiles can skip the groups outside a tile', () => {
    // Only M L H V A Z (see paths.ts): the end points, plus the radius of an arc, bound the shape.
    const points = (d: string): [number, number][] => {
      const out: [number, number][] = []
      let at: [number, number] = [0, 0]
      for (const [, cmd, args] of d.matchAll(/([MLHVAZ])([^MLHVAZ]*)/g)) {
        const n = (args ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number)
        if (cmd === 'M' || cmd === 'L') at = [n[0] as number, n[1] as number]
        else if (cmd === 'H') at = [n[0] as number, at[1]]
        else if (cmd === 'V') at = [at[0], n[0] as number]
        else if (cmd === 'A') at = [n[5] as number, n[6] as number]
        out.push(at)
      }
      return out
    }
    // One card too short for its kind row and a title line (a hand-edited file): its title still lies inside its bounds.
    const squat = { ...board, cards: board.cards.map((c) => (c.id === 'ft-dwh' ? { ...c, height: 12 } : c)) }
    const scene = buildScene(squat, fonts, { background: 'light', padding: 32 })
    const inside = (g: { bounds: { x: number; y: number; width: number; height: number } }, [x, y]: readonly [number, number], margin: number): boolean =>
      x >= g.bounds.x + margin - 0.02 && x <= g.bounds.x + g.bounds.width - margin + 0.02 && y >= g.bounds.y + margin - 0.02 && y <= g.bounds.y + g.bounds.height - margin + 0.02
    let checked = 0
    for (const group of scene.groups) {
      for (const item of group.items) {
        if (item.type === 'text') {
          expect(inside(group, [item.x, item.y + fonts.descent * item.size], 0), `${group.label}: "${item.text}"`).toBe(true)
          expect(inside(group, [item.x + item.width, item.y - item.size * 0.7], 0), `${group.label}: "${item.text}"`).toBe(true)
        } else if (item.type === 'path' && item.transform) {
          const { x, y, scale } = item.transform
          expect(inside(group, [x, y], 0) && inside(group, [x + 24 * scale, y + 24 * scale], 0), group.label).toBe(true)
        } else if (item.type === 'path') {
          for (const p of points(item.d)) expect(inside(group, p, (item.stroke?.width ?? 0) / 2), `${group.label} at ${p.join(',')}`).toBe(true)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('has an icon for every kind in the registry', () => {
    for (const kind of cardKinds) {
      expect(iconNodes[kind.icon], kind.id).toBeDefined()
      expect(iconPath(kind.icon)).toMatch(/^M/)
    }
  })
})

describe('text wrapping with the real font metrics', () => {
  const style = { weight: 600, size: 14 } as const

  it('breaks at spaces to fit, as the canvas does', () => {
    const lines = wrapText(fonts, 'Legal review required for any customer data leaving the EU', style, 188, 3)
    expect(lines.length).toBe(3)
    for (const line of lines) expect(fonts.measure(line, 600, 14)).toBeLessThanOrEqual(188)
    expect(lines.join(' ')).toBe('Legal review required for any customer data leaving the EU')
  })

  it('ends the last allowed line with an ellipsis when the title is longer', () => {
    const lines = wrapText(fonts, 'The data warehouse migration owns the only two data engineers and the on-call rota too', style, 160, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/…$/)
    expect(fonts.measure(lines[1] ?? '', 600, 14)).toBeLessThanOrEqual(160)
  })

  it('cuts a word longer than the line (overflow-wrap: anywhere) and collapses white space', () => {
    const lines = wrapText(fonts, 'Supercalifragilisticexpialidocious\n\n  re-platform', style, 100, 5)
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines) expect(fonts.measure(line, 600, 14)).toBeLessThanOrEqual(100)
    expect(lines.join('')).toBe('Supercalifragilisticexpialidociousre-platform')
  })
})
