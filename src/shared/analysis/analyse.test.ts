import { describe, expect, it } from 'vitest'
import { analyseBoard, listOf } from './analyse'
import { boardOf, card, rel } from './testBoards'

/** The path from SAMPLE-ORG.md: warehouse → delay model → dashboard → (only if …) → route optimiser. */
function samplePath() {
  return boardOf(
    [
      card('ft-dwh', 'freightTrain', 'Data warehouse migration', { fields: { valueQuestioned: true } }),
      card('seed-delay', 'seedling', 'Delay prediction model', { container: 'garden-ai', fields: { criteria: [{ text: 'Dispatchers use it daily', done: false }] } }),
      card('garden-ai', 'garden', 'AI in operations'),
      card('dashboard', 'blankPage', 'Dispatcher dashboard'),
      card('ft-route', 'freightTrain', 'Route Optimiser 3.0 re-platform', { fields: { valueQuestioned: true } }),
      card('wall-engineers', 'wall', 'The data warehouse migration owns the only two data engineers')
    ],
    [
      rel('seed-delay', 'dependsOn', 'ft-dwh', '', 'r1'),
      rel('dashboard', 'dependsOn', 'seed-delay', '', 'r2'),
      rel('ft-route', 'dependsOn', 'dashboard', 'only if the pilot with two customers succeeds', 'r3'),
      rel('wall-engineers', 'blocks', 'seed-delay', '', 'r4')
    ]
  )
}

const kinds = (board: ReturnType<typeof samplePath>) => analyseBoard(board).findings.map((f) => f.kind)

describe('analyseBoard on the sample path', () => {
  it('finds the critical path in the order the work happens', () => {
    const { criticalPath } = analyseBoard(samplePath())
    expect(criticalPath.cards).toEqual(['ft-dwh', 'seed-delay', 'dashboard', 'ft-route'])
    expect(criticalPath.relations).toEqual(['r1', 'r2', 'r3'])
  })

  it('levels the path into phases', () => {
    const { phases } = analyseBoard(samplePath())
    expect(Object.fromEntries(phases)).toEqual({ 'ft-dwh': 1, 'seed-delay': 2, dashboard: 3, 'ft-route': 4 })
  })

  it('marks everything downstream of a wall as blocked by it, and nothing upstream', () => {
    const analysis = analyseBoard(samplePath())
    expect(analysis.blockedBy.get('seed-delay')).toEqual(['wall-engineers'])
    expect(analysis.blockedBy.get('dashboard')).toEqual(['wall-engineers'])
    expect(analysis.blockedBy.get('ft-route')).toEqual(['wall-engineers'])
    expect(analysis.blockedBy.has('ft-dwh')).toBe(false)
    const finding = analysis.findings.find((f) => f.kind === 'blocked')
    expect(finding?.message).toBe(
      '“The data warehouse migration owns the only two data engineers” blocks “Delay prediction model”, and 2 more cards that depend on it'
    )
    expect(finding?.relations.sort()).toEqual(['r2', 'r3', 'r4'])
  })

  it('lists the conditional dependency with its condition', () => {
    const conditional = analyseBoard(samplePath()).findings.filter((f) => f.kind === 'conditional')
    expect(conditional).toEqual([
      {
        id: 'conditional:r3',
        kind: 'conditional',
        severity: 'info',
        message: '“Route Optimiser 3.0 re-platform” depends on “Dispatcher dashboard” — condition: only if the pilot with two customers succeeds',
        cards: ['ft-route', 'dashboard'],
        relations: ['r3']
      }
    ])
  })

  it('finds no circle and raises no prompt on a complete path', () => {
    expect(kinds(samplePath())).toEqual(['blocked', 'conditional', 'criticalPath', 'phase', 'phase', 'phase', 'phase'])
    expect(analyseBoard(samplePath()).cycleRelations.size).toBe(0)
  })

  it('finds the circle a new dependency closes, with exactly the relations on it', () => {
    const board = samplePath()
    board.relations.push(rel('ft-dwh', 'dependsOn', 'ft-route', '', 'r5'))
    const analysis = analyseBoard(board)
    expect([...analysis.cycleRelations].sort()).toEqual(['r1', 'r2', 'r3', 'r5'])
    const cycle = analysis.findings.find((f) => f.kind === 'cycle')
    expect(cycle?.severity).toBe('problem')
    expect(cycle?.cards).toEqual(['ft-dwh', 'seed-delay', 'dashboard', 'ft-route'])
    expect(cycle?.message).toBe(
      '“Data warehouse migration”, “Delay prediction model”, “Dispatcher dashboard” and “Route Optimiser 3.0 re-platform” depend on each other in a circle: none of them can finish first'
    )
    // A circle has no longest chain; its cards share one phase.
    expect(analysis.criticalPath.cards).toEqual([])
    expect(new Set(analysis.phases.values())).toEqual(new Set([1]))
    expect(analysis.findings[0]?.kind).toBe('cycle')
  })

  it('reports a card that depends on itself', () => {
    const board = boardOf([card('ft-mobile', 'freightTrain', 'Warehouse Mobile App rewrite')], [rel('ft-mobile', 'dependsOn', 'ft-mobile', '', 'r1')])
    const cycle = analyseBoard(board).findings.find((f) => f.kind === 'cycle')
    expect(cycle?.message).toBe('“Warehouse Mobile App rewrite” depends on itself: none of them can finish first')
    expect(cycle?.relations).toEqual(['r1'])
  })

  it('keeps two separate circles apart', () => {
    const board = boardOf(
      ['a', 'b', 'c', 'd'].map((id) => card(id, 'initiative', `Reduce cloud spend ${id}`)),
      [rel('a', 'dependsOn', 'b', '', 'ab'), rel('b', 'dependsOn', 'a', '', 'ba'), rel('c', 'dependsOn', 'd', '', 'cd'), rel('d', 'dependsOn', 'c', '', 'dc'), rel('c', 'dependsOn', 'a', '', 'ca')]
    )
    const cycles = analyseBoard(board).findings.filter((f) => f.kind === 'cycle')
    expect(cycles.map((c) => [c.cards, c.relations.sort()])).toEqual([
      [['a', 'b'], ['ab', 'ba']],
      [['c', 'd'], ['cd', 'dc']]
    ])
  })
})

describe('prompts from the domain', () => {
  const board = () =>
    boardOf(
      [
        card('garden-mm', 'garden', 'Mid-market self-serve'),
        card('frame-q', 'frame', 'Lower right', { container: 'garden-mm' }),
        card('ft-route', 'freightTrain', 'Route Optimiser 3.0 re-platform'),
        card('ft-sso', 'freightTrain', 'Enterprise SSO & compliance', { fields: { valueQuestioned: true } }),
        card('seed-pricing', 'seedling', 'Usage-based pricing pilot', { container: 'frame-q', fields: { criteria: [{ text: '5 customers pay monthly for a quarter', done: false }] } }),
        card('seed-triage', 'seedling', 'Support ticket triage', { fields: { criteria: [{ text: '  ', done: false }] } }),
        card('seed-old', 'seedling', 'Self-serve onboarding', { fields: { graduated: true } }),
        card('wall-hiring', 'wall', 'Hiring freeze for all non-revenue roles'),
        card('wall-legal', 'wall', 'Legal review required for any customer data leaving the EU'),
        card('init-cloud', 'initiative', 'Reduce cloud spend by 20%', { fields: { drivers: ['Gross margin target'], floats: [] } }),
        card('init-onb', 'initiative', 'Cut onboarding time from 6 weeks to 2', { fields: { drivers: [], floats: [''] } }),
        card('init-ok', 'initiative', 'Enterprise renewals in Q3', { fields: { drivers: ['Renewals'], floats: ['Scope'] } })
      ],
      [rel('wall-legal', 'blocks', 'seed-triage')]
    )

  it('asks about each card the workshop would question, in words the room uses', () => {
    const messages = analyseBoard(board())
      .findings.filter((f) => f.severity === 'prompt')
      .map((f) => [f.kind, f.cards, f.message])
    expect(messages).toEqual([
      ['unquestionedFreightTrain', ['ft-route'], '“Route Optimiser 3.0 re-platform” keeps running, but its value has never been questioned'],
      ['seedlingWithoutGarden', ['seed-triage'], '“Support ticket triage” is not in a garden: who protects and waters it?'],
      ['seedlingWithoutCriteria', ['seed-triage'], '“Support ticket triage” has no graduation criteria: when does it graduate?'],
      ['idleWall', ['wall-hiring'], '“Hiring freeze for all non-revenue roles” blocks nothing yet: what does it stand in the way of?'],
      ['initiativeIncomplete', ['init-cloud'], '“Reduce cloud spend by 20%” has no floats: what are we free to move?'],
      ['initiativeIncomplete', ['init-onb'], '“Cut onboarding time from 6 weeks to 2” has neither drivers nor floats: what drives it?']
    ])
  })

  it('names an untitled card by its kind and shortens long titles', () => {
    const b = boardOf([card('w', 'wall', '  '), card('t', 'freightTrain', 'x'.repeat(200))])
    const messages = analyseBoard(b).findings.map((f) => f.message)
    expect(messages).toContain('an untitled wall blocks nothing yet: what does it stand in the way of?')
    expect(messages.find((m) => m.startsWith('“x'))).toMatch(/^“x{79}…” keeps running/)
  })

  it('counts a driver drawn as its own card, with "drives", as a driver of the initiative', () => {
    const b = boardOf(
      [
        card('init-onb', 'initiative', 'Cut onboarding time from 6 weeks to 2', { fields: { drivers: [], floats: [] } }),
        card('driver-churn', 'note', 'Churn in the first 90 days')
      ],
      [rel('driver-churn', 'drives', 'init-onb')]
    )
    expect(analyseBoard(b).findings.map((f) => f.message)).toEqual(['“Cut onboarding time from 6 weeks to 2” has no floats: what are we free to move?'])
  })
})

describe('listOf', () => {
  it('joins names as a sentence would', () => {
    expect(listOf(['A'])).toBe('A')
    expect(listOf(['A', 'B'])).toBe('A and B')
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C')
    expect(listOf(['A', 'B', 'C', 'D', 'E'], 3)).toBe('A, B, C and 2 more')
  })
})

describe('analyseBoard on demand', () => {
  it('works out the critical path, phases and findings once, whatever is read first', () => {
    const board = samplePath()
    const eager = analyseBoard(board)
    const findingsFirst = eager.findings
    const lazy = analyseBoard(board)
    const [path, phases] = [lazy.criticalPath, lazy.phases]
    expect(lazy.findings).toEqual(findingsFirst)
    expect(eager.criticalPath).toEqual(path)
    expect(eager.phases).toEqual(phases)
    // Read again, the same objects: nothing is worked out twice, and memoised consumers keep them.
    expect(lazy.findings).toBe(lazy.findings)
    expect(lazy.criticalPath).toBe(path)
    expect(lazy.phases).toBe(phases)
  })

  it('answers what the canvas draws without writing the findings', () => {
    const analysis = analyseBoard(samplePath())
    expect(Object.getOwnPropertyDescriptor(analysis, 'findings')?.get).toBeTypeOf('function')
    expect([...analysis.blockedBy.keys()]).toEqual(['seed-delay', 'dashboard', 'ft-route'])
    expect(analysis.cycleRelations.size).toBe(0)
  })
})
