import type { Board, Card } from '../board'
import { cardKind, cardKinds, relationKind, type CardShape } from '../kinds'

/**
 * A board as Mermaid flowchart text, for docs and wikis: cards as nodes in a
 * shape close to their own, frames and gardens as subgraphs (nested as on the
 * board), relations as arrows labelled with their kind and the facilitator's
 * words (a conditional dependency dotted, "blocks" thick), kinds as classes.
 */

/** Mermaid shapes, by the card's shape in the registry. */
const shapes: Record<Exclude<CardShape, 'container'>, [string, string]> = {
  pill: ['([', '])'],
  leaf: ['(', ')'],
  hexagon: ['{{', '}}'],
  brick: ['[[', ']]'],
  sheet: ['[/', '/]'],
  tab: ['[', ']'],
  sticky: ['>', ']'],
  // A kind from a newer Orgboard: a plain box, with its kind's name as the class.
  unknown: ['[', ']']
}

/**
 * Text inside a quoted Mermaid label. Mermaid decodes `#name;` entities and
 * reads `<`, `>` as HTML, so those characters go in as entities; line breaks as <br>.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/&/g, '#38;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[|]/g, '#124;')
    .replace(/\r?\n/g, '<br>')
    // Other control characters (a stray tab or form feed from a paste) would end the label.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
}

/** Node ids Mermaid accepts: letters, digits and underscores, never one of its keywords. */
function idMaker(): (cardId: string) => string {
  const given = new Map<string, string>()
  const used = new Set<string>()
  return (cardId) => {
    const known = given.get(cardId)
    if (known) return known
    const base = `c_${cardId.replace(/[^A-Za-z0-9_]/g, '_')}`
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`
    used.add(id)
    given.set(cardId, id)
    return id
  }
}

const labelOf = (card: Card): string => card.title.trim() || cardKind(card.kind).label

export function boardToMermaid(board: Board, options: { title?: string } = {}): string {
  const idOf = idMaker()
  const lines: string[] = []
  if (options.title?.trim()) lines.push('---', `title: "${mermaidText(options.title.trim())}"`, '---')
  lines.push('flowchart LR')
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  const inside = new Map<string, Card[]>()
  for (const card of board.cards) {
    const parent = card.container && byId.has(card.container) ? card.container : ''
    const list = inside.get(parent)
    if (list) list.push(card)
    else inside.set(parent, [card])
  }
  const write = (parent: string, depth: number): void => {
    const pad = '  '.repeat(depth)
    for (const card of inside.get(parent) ?? []) {
      const spec = cardKind(card.kind)
      if (spec.container) {
        lines.push(`${pad}subgraph ${idOf(card.id)}["${mermaidText(labelOf(card))}"]`)
        write(card.id, depth + 1)
        lines.push(`${pad}end`)
      } else {
        const [open, close] = shapes[spec.shape as Exclude<CardShape, 'container'>]
        lines.push(`${pad}${idOf(card.id)}${open}"${mermaidText(labelOf(card))}"${close}`)
      }
    }
  }
  write('', 1)
  for (const r of board.relations) {
    if (!byId.has(r.from) || !byId.has(r.to)) continue
    const label = r.label.trim()
    const conditional = r.kind === 'dependsOn' && label !== ''
    const text = mermaidText(label ? `${relationKind(r.kind).label}: ${label}` : relationKind(r.kind).label)
    const arrow = conditional ? '-.->' : r.kind === 'blocks' ? '==>' : '-->'
    lines.push(`  ${idOf(r.from)} ${arrow}|"${text}"| ${idOf(r.to)}`)
  }
  const present = new Set(board.cards.map((c) => c.kind))
  for (const kind of cardKinds) {
    if (!present.has(kind.id)) continue
    lines.push(`  classDef ${kind.id} fill:${kind.fill},stroke:${kind.color},color:#1b2330`)
    const ids = board.cards.filter((c) => c.kind === kind.id).map((c) => idOf(c.id))
    lines.push(`  class ${ids.join(',')} ${kind.id}`)
  }
  return lines.join('\n') + '\n'
}
