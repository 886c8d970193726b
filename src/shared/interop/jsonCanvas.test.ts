import { describe, expect, it } from 'vitest'
import type { Board } from '../board'
import { boardOf, card, rel } from '../analysis/testBoards'
import { boardSchema } from '../schema'
import { boardToJsonCanvas, jsonCanvasToBoard } from './jsonCanvas'

function sample(): Board {
  return boardSchema.parse(
    boardOf(
      [
        card('garden-ai', 'garden', 'AI in operations', { x: 0, y: 0, width: 600, height: 400, fields: { tendedBy: 'CTO office' } }),
        card('seed-delay', 'seedling', 'Delay prediction model', { x: 40, y: 80, container: 'garden-ai', fields: { stage: 'sapling' } }),
        card('ft-dwh', 'freightTrain', 'Data warehouse migration', { x: 800, y: 40, color: 'teal', pinned: true }),
        card('note-path', 'note', 'Which work depends on which,\nand what is conditional?', { x: 800, y: 300, color: 'pink' })
      ],
      [rel('seed-delay', 'dependsOn', 'ft-dwh', 'only if the pilot succeeds', 'r1'), rel('note-path', 'relatesTo', 'seed-delay', '', 'r2')]
    )
  )
}

describe('JSON Canvas', () => {
  it('writes the open format: groups first, text nodes, edges with sides and arrowheads', () => {
    const canvas = JSON.parse(boardToJsonCanvas(sample()))
    expect(canvas.nodes.map((n: { type: string; id: string }) => [n.type, n.id])).toEqual([
      ['group', 'garden-ai'],
      ['text', 'seed-delay'],
      ['text', 'ft-dwh'],
      ['text', 'note-path']
    ])
    expect(canvas.nodes[0]).toMatchObject({ label: 'AI in operations', x: 0, y: 0, width: 600, height: 400 })
    expect(canvas.nodes[2]).toMatchObject({ text: 'Data warehouse migration', color: '5' })
    expect(canvas.edges[0]).toMatchObject({ fromNode: 'seed-delay', toNode: 'ft-dwh', fromSide: 'right', toSide: 'left', toEnd: 'arrow', label: 'only if the pilot succeeds' })
  })

  it('round-trips everything Orgboard knows', () => {
    const result = jsonCanvasToBoard(boardToJsonCanvas(sample()))
    if (!result.ok) throw new Error(result.problem)
    expect(result.board).toEqual(sample())
    expect(result.notices).toEqual([])
  })

  it('keeps what both formats hold when the extra orgboard keys are gone (a canvas from another tool)', () => {
    const plain = JSON.parse(boardToJsonCanvas(sample()))
    for (const x of [...plain.nodes, ...plain.edges]) delete x.orgboard
    const result = jsonCanvasToBoard(JSON.stringify(plain))
    if (!result.ok) throw new Error(result.problem)
    const shared = (b: Board) => ({
      cards: b.cards.map(({ id, title, x, y, width, height, color, container }) => ({ id, title, x, y, width, height, color, container })),
      relations: b.relations.map(({ id, from, to, label }) => ({ id, from, to, label }))
    })
    expect(shared(result.board)).toEqual(shared(sample()))
    expect(result.board.cards.map((c) => c.kind)).toEqual(['frame', 'note', 'note', 'note'])
    expect(result.board.relations.map((r) => r.kind)).toEqual(['relatesTo', 'relatesTo'])
  })

  it('reads file and link nodes as notes, turns a backwards arrow round, and says what it left out', () => {
    const text = JSON.stringify({
      nodes: [
        { id: 'a', type: 'file', file: 'Workshops/Q3 planning.md', x: 0, y: 0, width: 300, height: 200 },
        { id: 'b', type: 'link', url: 'https://example.org/roadmap', x: 400, y: 0, width: 300, height: 200 },
        { id: 'c', type: 'sketch', x: 0, y: 400, width: 100, height: 100 }
      ],
      edges: [
        { id: 'e1', fromNode: 'a', toNode: 'b', fromEnd: 'arrow', toEnd: 'none' },
        { id: 'e2', fromNode: 'a', toNode: 'c' }
      ]
    })
    const result = jsonCanvasToBoard(text)
    if (!result.ok) throw new Error(result.problem)
    expect(result.board.cards.map((c) => [c.kind, c.title])).toEqual([
      ['note', 'Workshops/Q3 planning.md'],
      ['note', 'https://example.org/roadmap']
    ])
    expect(result.board.relations.map((r) => [r.from, r.to])).toEqual([['b', 'a']])
    expect(result.notices).toEqual(['Left out 1 “sketch” node: Orgboard has no card for them.', 'Left out 1 edge that did not join two cards.'])
  })

  it('refuses what is not a canvas, naming the node at fault', () => {
    expect(jsonCanvasToBoard('{"nodes": [')).toMatchObject({ ok: false, problem: expect.stringContaining('not valid JSON') })
    expect(jsonCanvasToBoard('[1, 2]')).toEqual({ ok: false, problem: 'it is not a JSON Canvas file (expected an object with "nodes" and "edges")' })
    expect(jsonCanvasToBoard(JSON.stringify({ nodes: [{ id: 'a', type: 'text', x: 0, y: 0, width: 'wide', height: 10 }] }))).toEqual({
      ok: false,
      problem: 'node 1 is not valid (width: Invalid input: expected number, received string)'
    })
    expect(jsonCanvasToBoard(JSON.stringify({ nodes: [{ id: 'a', type: 'text', x: 0, y: 0, width: 10, height: 10 }, { id: 'a', type: 'text', x: 0, y: 0, width: 10, height: 10 }] }))).toEqual({
      ok: false,
      problem: 'node 2 repeats the id "a"'
    })
  })
})
