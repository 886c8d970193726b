import type { Board } from '../../shared/board'
import { serializeBoard } from '../../shared/serialize'
import { sampleBoard } from './sampleBoard'

/**
 * Test data: broken and hostile board files, each with what opening it must do.
 * Vitest opens every one with readBoardFile from a real folder; the end-to-end
 * suite opens some from the menu. Everything read from disk is untrusted.
 */
export interface HostileBoard {
  /** The file name it is written as. */
  file: string
  content: string | Uint8Array
  /** Refused: the words the message must contain. Repaired: a fragment of each warning, in order. */
  expect: { refused: string[] } | { warnings: string[] }
}

const asJson = (doc: unknown): string => JSON.stringify(doc, null, 2)
const valid = serializeBoard(sampleBoard())

function withCards(change: (cards: Record<string, unknown>[]) => unknown[]): string {
  const board = sampleBoard() as unknown as { cards: Record<string, unknown>[] }
  return asJson({ ...board, cards: change(board.cards) })
}

/** Titles and labels that would run code if any of them were ever treated as HTML or a URL. */
export const scriptTexts = [
  '<script>window.__pwned = "script"; alert("script")</script>',
  '<img src=x onerror="window.__pwned = \'img\'; alert(\'img\')">',
  'javascript:alert("link")',
  '<a href="javascript:alert(1)">Click me</a>',
  '<svg onload=alert("svg")></svg>',
  '"><iframe src="javascript:alert(\'frame\')">'
] as const

export function scriptBoard(): Board {
  const board = sampleBoard()
  board.cards = board.cards.map((card, i) => ({ ...card, title: scriptTexts[i % scriptTexts.length] ?? card.title }))
  board.relations = board.relations.map((rel, i) => ({ ...rel, label: scriptTexts[(i + 2) % scriptTexts.length] ?? '' }))
  return board
}

export const hostileBoards: HostileBoard[] = [
  { file: 'empty.orgboard', content: '', expect: { refused: ['the file is empty'] } },
  { file: 'blank.orgboard', content: '\n  \n', expect: { refused: ['the file is empty'] } },
  {
    file: 'photo.orgboard',
    // A JPEG (a PNG would be read as an image Orgboard exported, see imageBoard.ts).
    content: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
    expect: { refused: ['binary file'] }
  },
  { file: 'utf16.orgboard', content: Buffer.from(`\ufeff${valid}`, 'utf16le'), expect: { refused: ['UTF-16'] } },
  { file: 'latin1.orgboard', content: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]), expect: { refused: ['not UTF-8 text'] } },
  { file: 'notes.orgboard', content: 'Freight trains:\n- Route Optimiser 3.0 re-platform\n', expect: { refused: ['not valid JSON'] } },
  { file: 'hand-edited.orgboard', content: valid.replace('"id": "ft-route"', 'id: "ft-route"'), expect: { refused: ['not valid JSON', '(at line 16, column 7)'] } },
  { file: 'truncated.orgboard', content: valid.slice(0, valid.indexOf('Route Optimiser') + 5), expect: { refused: ['ends too early', 'looks truncated'] } },
  { file: 'cut-between-values.orgboard', content: valid.slice(0, valid.indexOf('"relations"') - 2), expect: { refused: ['looks truncated'] } },
  { file: 'list.orgboard', content: '[1, 2, 3]', expect: { refused: ['not an Orgboard board', 'expected an object'] } },
  { file: 'excalidraw.orgboard', content: asJson({ type: 'excalidraw', version: 2, elements: [] }), expect: { refused: ['not an Orgboard board', 'missing'] } },
  { file: 'miro.orgboard', content: asJson({ ...sampleBoard(), format: 'miro' }), expect: { refused: ['its "format" is "miro"'] } },
  { file: 'from-the-future.orgboard', content: asJson({ ...sampleBoard(), version: 7 }), expect: { refused: ['file version 7', 'up to version 1', 'Update Orgboard'] } },
  { file: 'version-two.orgboard', content: asJson({ ...sampleBoard(), version: 'two' }), expect: { refused: ['"version" is "two"'] } },
  {
    file: 'nesting-bomb.orgboard',
    content: `{"format": "orgboard", "version": 1, "cards": [${'['.repeat(200_000)}${']'.repeat(200_000)}]}`,
    expect: { refused: ['nested too deeply'] }
  },
  { file: 'cards-not-a-list.orgboard', content: asJson({ ...sampleBoard(), cards: { a: 1 } }), expect: { refused: ['"cards" is not a list'] } },
  {
    file: 'too-many-cards.orgboard',
    content: asJson({ ...sampleBoard(), cards: Array.from({ length: 50_001 }, () => 1) }),
    expect: { refused: ['50,001 cards', 'up to 50,000'] }
  },

  {
    file: 'prototype-pollution.orgboard',
    content: valid
      .replace('"format": "orgboard",', '"__proto__": {"polluted": "yes"}, "format": "orgboard",')
      .replace('"fields": {}', '"fields": {"constructor": {"prototype": {"polluted": "yes"}}}'),
    expect: { warnings: ['Removed 2 keys named __proto__, constructor or prototype', '__proto__; cards[0].fields.constructor'] }
  },
  {
    file: 'dangling.orgboard',
    content: asJson({ ...sampleBoard(), relations: [...sampleBoard().relations, { id: 'rel-x', kind: 'dependsOn', from: 'ft-route', to: 'gone', label: '' }] }),
    expect: { warnings: ['Removed 1 relation pointing to a card that is not on the board: relations[5]'] }
  },
  {
    file: 'duplicate-ids.orgboard',
    content: withCards((cards) => [...cards, { ...cards[1], title: 'Route Optimiser copy' }]),
    expect: { warnings: ['Gave 1 card a new id', 'card "Route Optimiser copy"'] }
  },
  {
    file: 'missing-fields.orgboard',
    content: withCards((cards) => cards.map(({ title: _title, fields: _fields, ...card }) => card)),
    expect: { warnings: ['Filled in 20 missing values with defaults'] }
  },
  {
    file: 'impossible-numbers.orgboard',
    content: withCards((cards) => cards.map((card, i) => (i === 1 ? { ...card, x: 1e15, width: -40 } : card))).replace('"y": 260', '"y": 1e999'),
    expect: { warnings: ['Reset 3 positions or sizes that were not usable numbers'] }
  },
  {
    file: 'unknown-kind.orgboard',
    content: withCards((cards) => [...cards, { id: 'rocket', kind: 'rocketLaunch', title: 'Moonshot pricing', x: 1300, y: 400, width: 220, height: 96, fields: { fuel: 'lots' } }]),
    expect: { warnings: ['Kept 1 card of a kind this Orgboard does not know', 'card "Moonshot pricing" ("rocketLaunch")'] }
  },
  {
    file: 'long-texts.orgboard',
    content: withCards((cards) => cards.map((card, i) => (i === 5 ? { ...card, title: 'Hiring freeze '.repeat(1000) } : card))),
    expect: { warnings: ['Shortened 1 text longer than 10,000 characters'] }
  },
  { file: 'script-titles.orgboard', content: serializeBoard(scriptBoard()), expect: { warnings: [] } }
]
