import { describe, expect, it } from 'vitest'
import { boardOf, card } from '../analysis/testBoards'
import { initiativesFromCsv } from './initiativesCsv'

const csv = `title,team,horizon,depends on
Cut onboarding time from 6 weeks to 2,Growth,1–3 quarters,Usage-based pricing pilot
Usage-based pricing pilot,Growth,1-3 months,
Reduce cloud spend by 20%,Data Platform,months,"Data warehouse migration; Usage-based pricing pilot"
`
const board = () => boardOf([card('ft-dwh', 'freightTrain', 'Data warehouse migration'), card('team-growth', 'team', 'Growth')])

describe('initiativesFromCsv', () => {
  it('adds one initiative per row, dependencies to rows and to cards on the board, and the teams', () => {
    const result = initiativesFromCsv(csv, board(), { x: 2000, y: 0 })
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const { cards, relations, summary } = result.value
    const byTitle = new Map(cards.map((c) => [c.title, c]))
    expect(cards.filter((c) => c.kind === 'initiative').map((c) => [c.title, c.fields.horizon])).toEqual([
      ['Cut onboarding time from 6 weeks to 2', 'quarters'],
      ['Usage-based pricing pilot', 'months'],
      ['Reduce cloud spend by 20%', 'months']
    ])
    // Growth is already on the board: reused, not doubled.
    expect(cards.filter((c) => c.kind === 'team').map((c) => c.title)).toEqual(['Data Platform'])
    const id = (title: string) => byTitle.get(title)?.id
    const deps = relations.filter((r) => r.kind === 'dependsOn').map((r) => [r.from, r.to])
    expect(deps).toEqual([
      [id('Cut onboarding time from 6 weeks to 2'), id('Usage-based pricing pilot')],
      [id('Reduce cloud spend by 20%'), 'ft-dwh'],
      [id('Reduce cloud spend by 20%'), id('Usage-based pricing pilot')]
    ])
    expect(relations.filter((r) => r.kind === 'relatesTo' && r.from === 'team-growth')).toHaveLength(2)
    expect(summary).toBe('Imported 3 initiatives, 3 dependencies and 1 new team.')
    // Laid out by phase: what is needed first stands left.
    expect((byTitle.get('Usage-based pricing pilot')?.x ?? 0) < (byTitle.get('Cut onboarding time from 6 weeks to 2')?.x ?? 0)).toBe(true)
  })

  it('lists every bad row and adds nothing', () => {
    const bad = `Title,Horizon,Depends on
Route Optimiser 3.0 re-platform,next year,Dispatcher dashboard
,1–3 months,
Route Optimiser 3.0 re-platform,,
Self-serve onboarding,,Self-serve onboarding
`
    expect(initiativesFromCsv(bad, board(), { x: 0, y: 0 })).toEqual({
      ok: false,
      problems: [
        'row 2: the horizon “next year” is not one of 1–3 months, 1–3 quarters, Longer',
        'row 2: it depends on “Dispatcher dashboard”, which is neither a row of this file nor a card on the board',
        'row 3: the title is empty',
        'row 4: “Route Optimiser 3.0 re-platform” is already row 2',
        'row 5: “Self-serve onboarding” cannot depend on itself'
      ]
    })
  })

  it('explains a file without a title column, or without rows', () => {
    expect(initiativesFromCsv('team,horizon\nGrowth,months\n', board(), { x: 0, y: 0 })).toEqual({
      ok: false,
      problems: ['the header row has no “title” column (it has: “team”, “horizon”)']
    })
    expect(initiativesFromCsv('title,team\n', board(), { x: 0, y: 0 })).toEqual({ ok: false, problems: ['the file has a header row but no initiatives under it'] })
    expect(initiativesFromCsv('', board(), { x: 0, y: 0 })).toMatchObject({ ok: false })
  })

  it('reuses an initiative already on the board', () => {
    const b = boardOf([card('init-cloud', 'initiative', 'Reduce cloud spend by 20%')])
    const result = initiativesFromCsv('title,depends on\nReduce cloud spend by 20%,Retention periods\nRetention periods,\n', b, { x: 0, y: 0 })
    if (!result.ok) throw new Error(result.problems.join('\n'))
    expect(result.value.cards.map((c) => c.title)).toEqual(['Retention periods'])
    expect(result.value.relations.map((r) => r.from)).toEqual(['init-cloud'])
    expect(result.value.summary).toBe('Imported 1 initiative (1 already on the board), 1 dependency and 0 new teams.')
  })
})
