import { describe, expect, it } from 'vitest'
import { emptyBoard, type Board, type Card } from './board'
import { makeCard } from './edits'
import { findCards } from './find'
import type { CardKind } from './kinds'

function card(kind: CardKind, title: string, x: number, y: number, fields: Card['fields'] = {}): Card {
  const c = makeCard(kind, { x, y }, title)
  return { ...c, id: title, fields: { ...c.fields, ...fields } }
}

function board(): Board {
  const b = emptyBoard()
  b.cards.push(
    card('garden', 'Mid-market self-serve', 300, 300, { tendedBy: 'Growth', reason: 'Win accounts under 50 seats' }),
    card('seedling', 'Self-serve onboarding', 400, 320, {
      stage: 'sprout',
      needs: 'A designer two days a week',
      criteria: [{ text: '30 accounts onboard without a call', done: false }]
    }),
    card('initiative', 'Cut onboarding time from 6 weeks to 2', 100, 0, {
      drivers: ['Churn in first 90 days', 'Enterprise renewals'],
      constraints: ['Hiring freeze'],
      floats: ['Which customers pilot first']
    }),
    card('wall', 'Hiring freeze for all non-revenue roles', 600, 0),
    card('team', 'Équipe Données', 900, 600, { context: 'Overloaded; everyone’s dependency' })
  )
  return b
}

const titles = (results: { title: string }[]) => results.map((r) => r.title)

describe('findCards', () => {
  it('finds titles, ignoring case, in reading order (top to bottom, left to right)', () => {
    expect(titles(findCards(board(), 'ONBOARDING'))).toEqual(['Cut onboarding time from 6 weeks to 2', 'Self-serve onboarding'])
  })

  it('finds text in fields, lists and checklists, and says where', () => {
    expect(findCards(board(), 'hiring freeze')).toEqual([
      expect.objectContaining({ title: 'Cut onboarding time from 6 weeks to 2', field: 'Constraints', snippet: 'Hiring freeze' }),
      expect.objectContaining({ title: 'Hiring freeze for all non-revenue roles', field: 'Title' })
    ])
    expect(findCards(board(), 'without a call')).toEqual([expect.objectContaining({ title: 'Self-serve onboarding', field: 'Graduation criteria' })])
    expect(findCards(board(), 'two days')[0]).toMatchObject({ field: 'What it needs' })
    expect(findCards(board(), 'growth')[0]).toMatchObject({ title: 'Mid-market self-serve', field: 'Tended by' })
  })

  it('finds an enum by the label the facilitator sees', () => {
    expect(titles(findCards(board(), 'sprout'))).toEqual(['Self-serve onboarding'])
  })

  it('ignores accents', () => {
    expect(titles(findCards(board(), 'equipe donnees'))).toEqual(['Équipe Données'])
  })

  it('filters by kind; with no text, lists every card of that kind', () => {
    expect(titles(findCards(board(), 'onboarding', 'seedling'))).toEqual(['Self-serve onboarding'])
    expect(titles(findCards(board(), '', 'wall'))).toEqual(['Hiring freeze for all non-revenue roles'])
    expect(findCards(board(), '   ')).toEqual([])
    expect(findCards(board(), 'rocket')).toEqual([])
  })

  it('cuts a long matching text around the match', () => {
    const b = emptyBoard()
    const long = `${'Background. '.repeat(10)}The pilot with two customers must succeed first. ${'More. '.repeat(10)}`
    b.cards.push(card('note', 'Conditional step', 0, 0), card('initiative', 'Dispatcher dashboard', 0, 100, { phase: long }))
    const [result] = findCards(b, 'pilot with two')
    expect(result?.snippet).toMatch(/^….*pilot with two customers.*…$/)
    expect(result?.snippet.length).toBeLessThanOrEqual(62)
  })
})
