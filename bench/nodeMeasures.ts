import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Board } from '../src/shared/board'
import { moveCards, renameCard } from '../src/shared/edits'
import { createHistory, record, redo, undo } from '../src/shared/history'
import { cardKind } from '../src/shared/kinds'
import { boardSchema } from '../src/shared/schema'
import { serializeBoard } from '../src/shared/serialize'
import { readBoardFile, writeBoardFile } from '../src/main/files/boardFiles'
import { median } from './stats'

/** What the main process and the store do, measured in Node with the app's own code (no browser involved). */
export interface NodeFigures {
  /** writeBoardFile: validate, serialise, write a temp file, fsync, back up, rename. */
  saveMs: number
  /** The parts of a save, to see where its time goes. */
  validateMs: number
  serializeMs: number
  /** readBoardFile: stat, read, decode, parse, migrate, validate. */
  openMs: number
  /** How many cards the undo/redo step moved (1,000, or every card on a smaller board). */
  movedCards: number
  moveMs: number
  undoMs: number
  redoMs: number
  /** One rename through history (produceWithPatches), median of many, and the first one after open. */
  editMs: number
  firstEditMs: number
  fileBytes: number
}

async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function repeat(times: number, fn: () => unknown): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) samples.push(await time(fn))
  return median(samples)
}

export async function measureNode(board: Board, folder: string, name: string): Promise<NodeFigures> {
  const path = join(folder, `save-${name}.orgboard`)
  let fileBytes = 0
  const saveMs = await repeat(5, async () => {
    const result = await writeBoardFile(path, board)
    if (!result.ok) throw new Error(result.message)
  })
  const validateMs = await repeat(5, () => boardSchema.parse(board))
  const serializeMs = await repeat(5, () => (fileBytes = Buffer.byteLength(serializeBoard(board))))
  const openMs = await repeat(5, async () => {
    const result = await readBoardFile(path)
    if (!result.ok) throw new Error(result.message)
  })

  // Store level: the board as it arrives from a file (not frozen yet), through the app's history.
  const opened = await readBoardFile(path)
  if (!opened.ok) throw new Error(opened.message)
  let history = createHistory(opened.board)
  const middle = opened.board.cards[Math.floor(opened.board.cards.length / 2)]
  if (!middle) throw new Error('empty board')
  const firstEditMs = await time(() => (history = record(history, 'Rename', (b) => renameCard(b, middle.id, 'Self-serve onboarding (pilot)'))))
  const editMs = await repeat(21, () => {
    history = record(history, 'Rename', (b) => renameCard(b, middle.id, `Self-serve onboarding ${history.past.length}`))
  })

  const moved = opened.board.cards.filter((c) => !cardKind(c.kind).container).slice(0, 1_000)
  const positions = new Map(moved.map((c) => [c.id, { x: c.x + 40, y: c.y + 24 }]))
  const moveMs = await time(() => (history = record(history, 'Move cards', (b) => moveCards(b, positions))))
  const undos: number[] = []
  const redos: number[] = []
  for (let i = 0; i < 7; i++) {
    undos.push(await time(() => (history = undo(history))))
    redos.push(await time(() => (history = redo(history))))
  }
  return {
    saveMs,
    validateMs,
    serializeMs,
    openMs,
    movedCards: moved.length,
    moveMs,
    undoMs: median(undos),
    redoMs: median(redos),
    editMs,
    firstEditMs,
    fileBytes
  }
}
