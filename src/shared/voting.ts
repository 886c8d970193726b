import { FACILITATION_LIMITS as LIMITS, type Ballot, type Board, type Card, type Voting } from './board'
import { cardKind, cardKinds, isCardKind, type CardKind } from './kinds'

/**
 * Dot voting, as immer recipes and pure queries. One laptop goes round the
 * room: the person holding it spends their votes on the current (last) ballot,
 * then hands over with "Next voter", which starts a fresh ballot and hides
 * theirs. Nobody sees totals until the facilitator reveals them.
 */

export interface RoundSettings {
  votesPerPerson: number
  kinds: readonly CardKind[]
}

/** What a room usually votes on: the kinds of work, not notes or frames. */
export const defaultVotingKinds: readonly CardKind[] = ['freightTrain', 'seedling', 'wall', 'blankPage', 'initiative']

export const voterName = (n: number): string => `Voter ${n}`

/** Starts a new round (replacing any earlier one), with the first voter's empty ballot. */
export function startRound(board: Board, settings: RoundSettings): void {
  const votesPerPerson = Math.min(LIMITS.votesPerPerson, Math.max(1, Math.round(settings.votesPerPerson)))
  const kinds = cardKinds.map((k) => k.id).filter((k) => settings.kinds.includes(k))
  if (kinds.length === 0) return
  board.voting = { votesPerPerson, kinds, status: 'open', ballots: [{ voter: voterName(1), cards: [] }] }
}

/** The ballot of the person voting now, while the round is open. */
export function currentBallot(voting: Voting | undefined): Ballot | undefined {
  return voting?.status === 'open' ? voting.ballots.at(-1) : undefined
}

export function votesLeft(voting: Voting | undefined): number {
  const ballot = currentBallot(voting)
  return voting && ballot ? voting.votesPerPerson - ballot.cards.length : 0
}

export function isVotable(voting: Voting | undefined, card: Pick<Card, 'kind'>): boolean {
  return !!voting && isCardKind(card.kind) && voting.kinds.includes(card.kind) && !cardKind(card.kind).container
}

/** One of the current voter's votes on this card, if they have one left and the card may be voted on. */
export function castVote(board: Board, cardId: string): void {
  const voting = board.voting
  const ballot = currentBallot(voting)
  const card = board.cards.find((c) => c.id === cardId)
  if (!voting || !ballot || !card || !isVotable(voting, card) || votesLeft(voting) <= 0) return
  ballot.cards.push(cardId)
}

/** Takes back one of the current voter's votes on this card. */
export function retractVote(board: Board, cardId: string): void {
  const ballot = currentBallot(board.voting)
  const at = ballot?.cards.lastIndexOf(cardId) ?? -1
  if (ballot && at !== -1) ballot.cards.splice(at, 1)
}

export function renameVoter(board: Board, name: string): void {
  const ballot = currentBallot(board.voting)
  const trimmed = name.trim().slice(0, LIMITS.name)
  if (ballot && trimmed && ballot.voter !== trimmed) ballot.voter = trimmed
}

/** Hands the laptop to the next person: a fresh ballot. A voter who cast nothing keeps the laptop. */
export function nextVoter(board: Board): void {
  const voting = board.voting
  const ballot = currentBallot(voting)
  if (!voting || !ballot || ballot.cards.length === 0 || voting.ballots.length >= LIMITS.ballots) return
  voting.ballots.push({ voter: voterName(voting.ballots.length + 1), cards: [] })
}

/** Shows the totals; a last ballot nobody used is dropped. */
export function revealVotes(board: Board): void {
  const voting = board.voting
  if (!voting || voting.status !== 'open') return
  if (voting.ballots.length > 1 && voting.ballots.at(-1)?.cards.length === 0) voting.ballots.pop()
  voting.status = 'revealed'
}

/** Removes the round and its votes from the board. */
export function clearVoting(board: Board): void {
  if (board.voting) delete board.voting
}

/** Votes on cards that are gone no longer count; called when cards are deleted. */
export function pruneVotes(board: Board, removed: ReadonlySet<string>): void {
  for (const ballot of board.voting?.ballots ?? []) {
    if (ballot.cards.some((id) => removed.has(id))) ballot.cards = ballot.cards.filter((id) => !removed.has(id))
  }
}

/** People who cast at least one vote. */
export function voterCount(voting: Voting | undefined): number {
  return voting?.ballots.filter((b) => b.cards.length > 0).length ?? 0
}

export interface VoteResult {
  card: Card
  votes: number
  /** 1 for the most votes; cards with as many votes share a rank (1, 2, 2, 4). */
  rank: number
  /** How many people gave it at least one vote. */
  voters: number
}

/** Totals per card, most votes first (ties in board order), only cards still on the board with votes. */
export function tally(board: Pick<Board, 'cards' | 'voting'>): VoteResult[] {
  const votes = new Map<string, number>()
  const voters = new Map<string, number>()
  for (const ballot of board.voting?.ballots ?? []) {
    for (const id of ballot.cards) votes.set(id, (votes.get(id) ?? 0) + 1)
    for (const id of new Set(ballot.cards)) voters.set(id, (voters.get(id) ?? 0) + 1)
  }
  const results = board.cards
    .filter((card) => (votes.get(card.id) ?? 0) > 0)
    .map((card) => ({ card, votes: votes.get(card.id) ?? 0, rank: 0, voters: voters.get(card.id) ?? 0 }))
    // Array.prototype.sort is stable, so equal totals keep board order.
    .sort((a, b) => b.votes - a.votes)
  results.forEach((r, i) => {
    const prev = results[i - 1]
    r.rank = prev && prev.votes === r.votes ? prev.rank : i + 1
  })
  return results
}

/** Votes per card id for the badges: everyone's once revealed, only the current voter's while open. */
export function visibleVotes(voting: Voting | undefined): ReadonlyMap<string, number> {
  const counts = new Map<string, number>()
  const ballots = voting?.status === 'revealed' ? voting.ballots : voting ? voting.ballots.slice(-1) : []
  for (const ballot of ballots) for (const id of ballot.cards) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}
