import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { emptyBoard, FACILITATION_LIMITS, type Board, type Card } from './board'
import { removeItems } from './edits'
import { parseBoardText } from './load'
import { serializeBoard } from './serialize'
import {
  castVote,
  clearVoting,
  currentBallot,
  nextVoter,
  renameVoter,
  retractVote,
  revealVotes,
  startRound,
  tally,
  visibleVotes,
  voterCount,
  votesLeft
} from './voting'

const card = (id: string, kind: Card['kind'], title: string): Card => ({ id, kind, title, x: 0, y: 0, width: 240, height: 100, fields: {} })

function board(): Board {
  return {
    ...emptyBoard(),
    cards: [
      card('ft-route', 'freightTrain', 'Route Optimiser 3.0 re-platform'),
      card('ft-release', 'freightTrain', 'Quarterly release train'),
      card('seed-delay', 'seedling', 'Delay prediction model'),
      card('wall-hiring', 'wall', 'Hiring freeze for all non-revenue roles'),
      card('note-q', 'note', 'Where have walls just appeared?'),
      card('garden-ai', 'garden', 'AI in operations')
    ]
  }
}

const run = (b: Board, ...steps: ((d: Board) => void)[]): Board => steps.reduce((acc, step) => produce(acc, step), b)

describe('a dot-voting round', () => {
  it('gives the first voter their votes, only on the kinds chosen', () => {
    const b = run(
      board(),
      (d) => startRound(d, { votesPerPerson: 3, kinds: ['freightTrain', 'seedling'] }),
      (d) => castVote(d, 'ft-route'),
      (d) => castVote(d, 'wall-hiring'), // not a kind being voted on
      (d) => castVote(d, 'note-q'),
      (d) => castVote(d, 'ft-route'),
      (d) => castVote(d, 'seed-delay'),
      (d) => castVote(d, 'ft-release') // no votes left
    )
    expect(b.voting?.ballots).toEqual([{ voter: 'Voter 1', cards: ['ft-route', 'ft-route', 'seed-delay'] }])
    expect(votesLeft(b.voting)).toBe(0)
    expect(b.voting?.kinds).toEqual(['freightTrain', 'seedling'])
  })

  it('keeps settings in range and never votes on containers', () => {
    const b = run(board(), (d) => startRound(d, { votesPerPerson: 99, kinds: ['garden', 'wall'] }), (d) => castVote(d, 'garden-ai'))
    expect(b.voting?.votesPerPerson).toBe(FACILITATION_LIMITS.votesPerPerson)
    expect(currentBallot(b.voting)?.cards).toEqual([])
    expect(run(board(), (d) => startRound(d, { votesPerPerson: 3, kinds: [] })).voting).toBeUndefined()
  })

  it('lets a voter take a vote back, and hands over only after voting', () => {
    const b = run(
      board(),
      (d) => startRound(d, { votesPerPerson: 2, kinds: ['freightTrain'] }),
      (d) => nextVoter(d), // nothing cast yet: still Voter 1
      (d) => castVote(d, 'ft-route'),
      (d) => castVote(d, 'ft-release'),
      (d) => retractVote(d, 'ft-route'),
      (d) => renameVoter(d, '  Priya '),
      (d) => nextVoter(d),
      (d) => castVote(d, 'ft-release'),
      (d) => retractVote(d, 'ft-route') // not theirs to take back
    )
    expect(b.voting?.ballots).toEqual([
      { voter: 'Priya', cards: ['ft-release'] },
      { voter: 'Voter 2', cards: ['ft-release'] }
    ])
  })

  it('hides everyone else’s votes until they are revealed', () => {
    const open = run(
      board(),
      (d) => startRound(d, { votesPerPerson: 3, kinds: ['freightTrain', 'seedling'] }),
      (d) => castVote(d, 'ft-route'),
      (d) => castVote(d, 'ft-route'),
      (d) => nextVoter(d),
      (d) => castVote(d, 'seed-delay')
    )
    expect([...visibleVotes(open.voting)]).toEqual([['seed-delay', 1]])
    const revealed = run(open, (d) => nextVoter(d), (d) => revealVotes(d))
    expect(revealed.voting?.status).toBe('revealed')
    // The empty ballot of the person who had the laptop when the facilitator revealed is dropped.
    expect(revealed.voting?.ballots).toHaveLength(2)
    expect([...visibleVotes(revealed.voting)]).toEqual([
      ['ft-route', 2],
      ['seed-delay', 1]
    ])
    // Once revealed, nobody votes any more.
    expect(run(revealed, (d) => castVote(d, 'ft-release')).voting).toEqual(revealed.voting)
  })

  it('ranks the results, ties sharing a rank in board order', () => {
    const b = run(
      board(),
      (d) => startRound(d, { votesPerPerson: 3, kinds: ['freightTrain', 'seedling', 'wall'] }),
      (d) => ['wall-hiring', 'ft-release', 'seed-delay'].forEach((id) => castVote(d, id)),
      (d) => nextVoter(d),
      (d) => ['wall-hiring', 'ft-release', 'ft-release'].forEach((id) => castVote(d, id)),
      (d) => nextVoter(d),
      (d) => ['seed-delay', 'wall-hiring'].forEach((id) => castVote(d, id)),
      (d) => revealVotes(d)
    )
    expect(tally(b).map((r) => [r.card.title, r.votes, r.rank, r.voters])).toEqual([
      ['Quarterly release train', 3, 1, 2],
      ['Hiring freeze for all non-revenue roles', 3, 1, 3],
      ['Delay prediction model', 2, 3, 2]
    ])
    expect(voterCount(b.voting)).toBe(3)
  })

  it('forgets votes on deleted cards, and the round can be cleared', () => {
    const b = run(
      board(),
      (d) => startRound(d, { votesPerPerson: 3, kinds: ['freightTrain'] }),
      (d) => ['ft-route', 'ft-release', 'ft-route'].forEach((id) => castVote(d, id)),
      (d) => removeItems(d, new Set(['ft-route']), new Set())
    )
    expect(b.voting?.ballots[0]?.cards).toEqual(['ft-release'])
    expect(run(b, (d) => clearVoting(d)).voting).toBeUndefined()
  })

  it('is saved with the board and read back the same', () => {
    const b = run(
      board(),
      (d) => startRound(d, { votesPerPerson: 3, kinds: ['freightTrain'] }),
      (d) => castVote(d, 'ft-route'),
      (d) => revealVotes(d)
    )
    const text = serializeBoard(b)
    const loaded = parseBoardText(text)
    expect(loaded).toMatchObject({ ok: true, board: b })
  })

  it.each([
    ['more votes on a ballot than each person has', { votesPerPerson: 1, kinds: ['wall'], status: 'open', ballots: [{ voter: 'A', cards: ['a', 'b'] }] }, /casts 2 votes, more than the 1/, 'voting.ballots[0].cards'],
    ['an unknown status', { votesPerPerson: 1, kinds: ['wall'], status: 'counting', ballots: [] }, /./, 'voting.status'],
    ['no kinds', { votesPerPerson: 1, kinds: [], status: 'open', ballots: [] }, /./, 'voting.kinds'],
    ['an unknown kind', { votesPerPerson: 1, kinds: ['elephant'], status: 'open', ballots: [] }, /not a kind of card/, 'voting.kinds[0]'],
    ['zero votes per person', { votesPerPerson: 0, kinds: ['wall'], status: 'open', ballots: [] }, /./, 'voting.votesPerPerson']
  ])('refuses a file whose voting has %s', (_what, voting, message, where) => {
    const result = parseBoardText(JSON.stringify({ ...emptyBoard(), voting }))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problem).toMatch(message)
      expect(result.where).toBe(where)
    }
  })
})
