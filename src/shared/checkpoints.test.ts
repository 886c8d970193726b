import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { emptyBoard, FACILITATION_LIMITS, type Board, type Card, type Relation } from './board'
import { addCheckpoint, blockedBy, checkpointProblem, diffSnapshots, isEmptyDiff, removeCheckpoint, renameCheckpoint } from './checkpoints'
import { graduateSeedling, removeItems, renameCard } from './edits'
import { parseBoardText } from './load'
import { serializeBoard } from './serialize'

const card = (id: string, kind: Card['kind'], title: string, fields: Card['fields'] = {}): Card => ({
  id,
  kind,
  title,
  x: 0,
  y: 0,
  width: 240,
  height: 100,
  fields
})
const rel = (id: string, kind: Relation['kind'], from: string, to: string, label = ''): Relation => ({ id, kind, from, to, label })

/** The dispatch path from SAMPLE-ORG.md, with the data engineers wall in the way. */
function before(): Board {
  return {
    ...emptyBoard(),
    cards: [
      card('ft-dwh', 'freightTrain', 'Data warehouse migration'),
      card('seed-delay', 'seedling', 'Delay prediction model', { stage: 'sapling', graduated: false }),
      card('blank-dashboard', 'blankPage', 'Dispatcher dashboard'),
      card('init-route', 'initiative', 'Route Optimiser 3.0 uses predictions'),
      card('wall-engineers', 'wall', 'The data warehouse migration owns the only two data engineers'),
      card('wall-qa', 'wall', "Mobile team's shared QA environment is booked until September"),
      card('ft-mobile', 'freightTrain', 'Warehouse Mobile App rewrite'),
      card('seed-pricing', 'seedling', 'Usage-based pricing pilot', { stage: 'seed', graduated: false })
    ],
    relations: [
      rel('r1', 'dependsOn', 'seed-delay', 'ft-dwh'),
      rel('r2', 'dependsOn', 'blank-dashboard', 'seed-delay'),
      rel('r3', 'dependsOn', 'init-route', 'blank-dashboard', 'only if the pilot with two customers succeeds'),
      rel('r4', 'blocks', 'wall-engineers', 'seed-delay'),
      rel('r5', 'blocks', 'wall-qa', 'ft-mobile')
    ]
  }
}

const titles = (cards: readonly Card[]): string[] => cards.map((c) => c.title)

describe('blockedBy', () => {
  it('blocks what a wall blocks and, through "depends on", everything downstream of it', () => {
    const blocked = blockedBy(before())
    expect([...blocked.keys()].sort()).toEqual(['blank-dashboard', 'ft-mobile', 'init-route', 'seed-delay'])
    expect([...(blocked.get('init-route') ?? [])]).toEqual(['wall-engineers'])
    expect(blocked.has('ft-dwh')).toBe(false)
  })

  it('terminates on a cycle of dependencies', () => {
    const b = produce(before(), (d) => void d.relations.push(rel('r9', 'dependsOn', 'seed-delay', 'init-route')))
    expect(blockedBy(b).has('init-route')).toBe(true)
  })
})

describe('diffSnapshots', () => {
  it('sees nothing between a board and itself', () => {
    expect(isEmptyDiff(diffSnapshots(before(), before()))).toBe(true)
  })

  it('tells what was added, removed, changed, graduated and unblocked', () => {
    const after = produce(before(), (d) => {
      graduateSeedling(d, 'seed-pricing', 'team') // adds a team and a "graduates into" relation
      removeItems(d, new Set(['wall-engineers']), new Set()) // the wall comes down
      removeItems(d, new Set(), new Set(['r5'])) // the QA booking no longer blocks the rewrite
      renameCard(d, 'ft-dwh', 'Data warehouse migration (done)')
      d.cards.push(card('note-new', 'note', 'Where have walls just appeared?'))
    })
    const diff = diffSnapshots(before(), after)
    expect(titles(diff.added)).toEqual(['Usage-based pricing pilot', 'Where have walls just appeared?'])
    expect(diff.added[0]?.kind).toBe('team')
    expect(titles(diff.removed)).toEqual(['The data warehouse migration owns the only two data engineers'])
    expect(titles(diff.graduated)).toEqual(['Usage-based pricing pilot'])
    expect(diff.graduated[0]?.kind).toBe('seedling')
    expect(diff.unblocked.map((u) => [u.card.title, titles(u.walls), titles(u.removedWalls)])).toEqual([
      ['Delay prediction model', ['The data warehouse migration owns the only two data engineers'], ['The data warehouse migration owns the only two data engineers']],
      ['Dispatcher dashboard', ['The data warehouse migration owns the only two data engineers'], ['The data warehouse migration owns the only two data engineers']],
      ['Route Optimiser 3.0 uses predictions', ['The data warehouse migration owns the only two data engineers'], ['The data warehouse migration owns the only two data engineers']],
      ['Warehouse Mobile App rewrite', ["Mobile team's shared QA environment is booked until September"], []]
    ])
    expect(titles(diff.changed)).toEqual(['Data warehouse migration (done)', 'Usage-based pricing pilot'])
    expect(diff.relationsAdded.map((r) => r.kind)).toEqual(['graduatesInto'])
    expect(diff.relationsRemoved.map((r) => r.id)).toEqual(['r4', 'r5'])
  })

  it('counts a seedling with a new "graduates into" as graduated even if not marked', () => {
    const after = produce(before(), (d) => {
      d.relations.push(rel('r9', 'graduatesInto', 'seed-delay', 'ft-dwh'))
    })
    expect(titles(diffSnapshots(before(), after).graduated)).toEqual(['Delay prediction model'])
    // And the other way round, nothing graduated.
    expect(diffSnapshots(after, before()).graduated).toEqual([])
  })

  it('does not call a card unblocked while another wall still blocks it, or once it is gone', () => {
    const after = produce(before(), (d) => {
      d.cards.push(card('wall-legal', 'wall', 'Legal review required for any customer data leaving the EU'))
      d.relations.push(rel('r9', 'blocks', 'wall-legal', 'blank-dashboard'))
      removeItems(d, new Set(['wall-engineers', 'init-route']), new Set())
    })
    expect(titles(diffSnapshots(before(), after).unblocked.map((u) => u.card))).toEqual(['Delay prediction model'])
  })

  it('ignores moves and resizes', () => {
    const after = produce(before(), (d) => {
      const c = d.cards[0] as Card
      c.x += 300
      c.width = 400
    })
    expect(isEmptyDiff(diffSnapshots(before(), after))).toBe(true)
  })
})

describe('checkpoints on a board', () => {
  const meta = (n: number) => ({ id: `cp-${n}`, name: `moment ${n}`, time: '2025-03-14T09:30:00.000Z' })

  it('keeps a copy that later edits do not change, and is saved with the board', () => {
    let b = produce(before(), (d) => addCheckpoint(d, before(), { ...meta(1), name: '  before ' }))
    b = produce(b, (d) => renameCard(d, 'ft-dwh', 'Renamed later'))
    expect(b.checkpoints?.[0]?.name).toBe('before')
    expect(b.checkpoints?.[0]?.cards[0]?.title).toBe('Data warehouse migration')
    const loaded = parseBoardText(serializeBoard(b))
    expect(loaded).toMatchObject({ ok: true, board: b })
  })

  it('refuses a nameless checkpoint, and more than the limit', () => {
    expect(checkpointProblem(emptyBoard(), '  ')).toBe('no name')
    let b = emptyBoard()
    for (let i = 0; i < FACILITATION_LIMITS.checkpoints + 3; i++) b = produce(b, (d) => addCheckpoint(d, d, meta(i)))
    expect(b.checkpoints).toHaveLength(FACILITATION_LIMITS.checkpoints)
    expect(checkpointProblem(b, 'after')).toBe('too many')
    const tooMany = { ...b, checkpoints: [...(b.checkpoints ?? []), { ...meta(99), cards: [], relations: [] }] }
    expect(parseBoardText(JSON.stringify(tooMany))).toMatchObject({ ok: false, where: 'checkpoints' })
  })

  it('renames and removes; the last one removed leaves no trace in the file', () => {
    let b = produce(emptyBoard(), (d) => addCheckpoint(d, d, meta(1)))
    b = produce(b, (d) => renameCheckpoint(d, 'cp-1', 'after lunch'))
    expect(b.checkpoints?.[0]?.name).toBe('after lunch')
    b = produce(b, (d) => removeCheckpoint(d, 'cp-1'))
    expect(serializeBoard(b)).toBe(serializeBoard(emptyBoard()))
  })

  it.each([
    ['a time that is not a date', { ...meta(1), time: 'yesterday', cards: [], relations: [] }, 'checkpoints[0].time'],
    ['no name', { ...meta(1), name: '', cards: [], relations: [] }, 'checkpoints[0].name'],
    ['a card of an unknown kind', { ...meta(1), cards: [{ ...card('a', 'note', 'x'), kind: 'elephant' }], relations: [] }, 'checkpoints[0].cards[0].kind'],
    ['a duplicate card id', { ...meta(1), cards: [card('a', 'note', 'x'), card('a', 'note', 'y')], relations: [] }, 'checkpoints[0].cards[1].id']
  ])('refuses a file with a checkpoint with %s', (_what, checkpoint, where) => {
    expect(parseBoardText(JSON.stringify({ ...emptyBoard(), checkpoints: [checkpoint] }))).toMatchObject({ ok: false, where })
  })

  it('refuses two checkpoints with one id', () => {
    const cp = { ...meta(1), cards: [], relations: [] }
    expect(parseBoardText(JSON.stringify({ ...emptyBoard(), checkpoints: [cp, cp] }))).toMatchObject({
      ok: false,
      problem: 'duplicate checkpoint id "cp-1"',
      where: 'checkpoints[1].id'
    })
  })
})
