import type { Card } from '../../../shared/board'
import type { Preview } from '../state/editorStore'
import type { CardMarks } from './analysisMarks'

/** What one card's node is made of; the node is kept as long as these are the same objects. */
export interface NodeInputs {
  card: Card
  selected: boolean
  editing: boolean
  preview: Preview | undefined
  marks: CardMarks | undefined
}

/** Everything the canvas makes its nodes from. */
export interface NodeSources {
  cards: readonly Card[]
  selected: ReadonlySet<string>
  editing: string | null
  preview: ReadonlyMap<string, Preview>
  marks: ReadonlyMap<string, CardMarks>
}

/** The nodes made last time, with what they were made from, to make the next ones from. */
export interface NodeBuild<N> {
  sources: NodeSources
  nodes: N[]
  /** What each node in `nodes` was made from, at the same place. */
  inputs: NodeInputs[]
  /** Card id → its place in `nodes`; depends only on the cards, so shared while they are unchanged. */
  index: ReadonlyMap<string, number>
}

const sameInputs = (a: NodeInputs, b: NodeInputs): boolean =>
  a.card === b.card && a.selected === b.selected && a.editing === b.editing && a.preview === b.preview && a.marks === b.marks

/**
 * The canvas's nodes, keeping every node whose inputs are unchanged so React Flow skips it.
 * While a card is dragged only the preview changes, on every mouse move: then only the
 * cards whose preview changed get a new node, and nothing walks the whole board but two
 * array copies (React Flow needs a new array).
 */
export function buildNodes<N>(
  previous: NodeBuild<N> | null,
  sources: NodeSources,
  make: (inputs: NodeInputs, cards: readonly Card[]) => N
): NodeBuild<N> {
  const old = previous?.sources
  if (previous && old && old.cards === sources.cards && old.selected === sources.selected && old.editing === sources.editing && old.marks === sources.marks) {
    if (old.preview === sources.preview) return previous
    const nodes = previous.nodes.slice()
    const inputs = previous.inputs.slice()
    const remake = (id: string): void => {
      const at = previous.index.get(id)
      const was = at === undefined ? undefined : inputs[at]
      if (at === undefined || !was) return // a preview of a card that is gone
      const next = { ...was, preview: sources.preview.get(id) }
      inputs[at] = next
      nodes[at] = make(next, sources.cards)
    }
    for (const [id, p] of sources.preview) if (old.preview.get(id) !== p) remake(id)
    for (const id of old.preview.keys()) if (!sources.preview.has(id)) remake(id)
    return { sources, nodes, inputs, index: previous.index }
  }
  const index = previous && old?.cards === sources.cards ? previous.index : new Map<string, number>()
  const fresh = index !== previous?.index
  const inputs: NodeInputs[] = []
  const nodes = sources.cards.map((card, i) => {
    const mine: NodeInputs = {
      card,
      selected: sources.selected.has(card.id),
      editing: sources.editing === card.id,
      preview: sources.preview.get(card.id),
      marks: sources.marks.get(card.id)
    }
    if (fresh) (index as Map<string, number>).set(card.id, i)
    const at = previous?.index.get(card.id)
    const kept = at === undefined ? undefined : previous?.inputs[at]
    inputs.push(mine)
    return kept && previous && sameInputs(kept, mine) ? (previous.nodes[at as number] as N) : make(mine, sources.cards)
  })
  return { sources, nodes, inputs, index }
}
