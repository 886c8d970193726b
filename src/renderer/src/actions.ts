import type { ReactFlowInstance } from '@xyflow/react'
import type { BoardApi, RecoveryEntry, VersionEntry } from '../../shared/api'
import { emptyBoard } from '../../shared/board'
import { commands } from '../../shared/commands'
import { addCard, makeCard, removeItems } from '../../shared/edits'
import { revisionOf } from '../../shared/history'
import { cardKind, isCardKind, type CardKind } from '../../shared/kinds'
import { freeSpot } from '../../shared/placement'
import type { EditorStore, Notice } from './state/editorStore'

export interface ActionContext {
  store: EditorStore
  api: BoardApi
  flow: ReactFlowInstance | null
  /** The canvas element, to find the middle of what the facilitator is looking at. */
  canvas: HTMLElement | null
}

interface ActionImpl {
  run(ctx: ActionContext): void | Promise<unknown>
  isEnabled?(ctx: ActionContext): boolean
}

/** Saves to the board's file (or asks where); true once the board is on disk. */
export async function saveBoard(ctx: ActionContext, saveAs: boolean): Promise<boolean> {
  const { store, api } = ctx
  const revision = revisionOf(store.getState().history)
  const outcome = await api.saveBoard({ board: store.boardToSave(), saveAs })
  if (outcome.status === 'cancelled') return false
  if (outcome.status === 'failed') {
    // The board stays open and unsaved; Save As is the way out (another folder, another disk).
    store.set({ notice: { tone: 'error', text: outcome.message, action: { label: 'Save As…', command: 'board.saveAs' } } })
    return false
  }
  if (outcome.status === 'reloaded') {
    store.load(outcome.board, outcome.name, true)
    store.set({ notice: openedNotice(`Reloaded "${outcome.name}" as it is on disk now.`, outcome.notices, outcome.warnings) })
    return false
  }
  store.markSaved(outcome.name, revision)
  store.set({ notice: outcome.notices?.length ? { tone: 'info', text: outcome.notices.join(' ') } : null })
  return true
}

/** What opening a file has to tell: upgrades in the text, repairs as a list. */
function openedNotice(lead: string | null, notices: readonly string[], warnings: readonly string[] = []): Notice | null {
  if (warnings.length > 0) {
    const text = [lead, `Orgboard repaired problems in this file; the file itself is unchanged until you save.`, ...notices].filter(Boolean).join(' ')
    return { tone: 'info', text, details: [...warnings] }
  }
  const text = [lead, ...notices].filter(Boolean).join(' ')
  return text ? { tone: 'info', text } : null
}

/** Asks before unsaved changes would be lost; true when it is fine to go on. */
export async function confirmDiscard(ctx: ActionContext): Promise<boolean> {
  if (!ctx.store.isEdited()) return true
  const answer = await ctx.api.confirmDiscard({ name: ctx.store.getState().name })
  if (answer === 'cancel') return false
  if (answer === 'save') return saveBoard(ctx, false)
  return true
}

async function newBoard(ctx: ActionContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return
  await ctx.api.newBoard()
  ctx.store.load(emptyBoard(), 'Untitled', false)
}

async function openBoard(ctx: ActionContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return
  const outcome = await ctx.api.openBoard()
  if (outcome.status === 'cancelled') return
  if (outcome.status === 'failed') {
    ctx.store.set({ notice: { tone: 'error', text: outcome.message } })
    return
  }
  ctx.store.load(outcome.board, outcome.name, true)
  ctx.store.set({ notice: openedNotice(null, outcome.notices, outcome.warnings) })
}

/** Shows the boards that a crash or kill left unsaved (at start, and from the File menu). */
export async function showRecovery(ctx: ActionContext, { quietIfNone }: { quietIfNone: boolean }): Promise<void> {
  const entries = await ctx.api.listRecovery()
  if (entries.length > 0) ctx.store.set({ dialog: { kind: 'recovery', entries } })
  else if (!quietIfNone) ctx.store.set({ notice: { tone: 'info', text: 'There are no unsaved boards to recover.' } })
}

/** Takes a recovered board into this window, unsaved; true once it is there. */
export async function restoreRecovered(ctx: ActionContext, entry: RecoveryEntry, remaining: number): Promise<boolean> {
  if (!(await confirmDiscard(ctx))) return false
  const outcome = await ctx.api.restoreRecovery({ id: entry.id })
  if (outcome.status === 'failed') {
    ctx.store.set({ notice: { tone: 'error', text: outcome.message } })
    return false
  }
  ctx.store.loadUnsaved(outcome.board, outcome.name, outcome.path !== null)
  const more = remaining > 0 ? ` ${remaining} more unsaved board${remaining > 1 ? 's are' : ' is'} waiting.` : ''
  const lead = `Restored "${outcome.name}" with its unsaved changes. Save to keep them.${more}`
  ctx.store.set({
    dialog: null,
    notice: {
      ...(openedNotice(lead, [], outcome.warnings) ?? { tone: 'info', text: lead }),
      ...(remaining > 0 ? { action: { label: 'Show them', command: 'board.recover' } } : {})
    }
  })
  return true
}

async function showVersions(ctx: ActionContext): Promise<void> {
  const entries = await ctx.api.listVersions()
  ctx.store.set({ dialog: { kind: 'versions', entries } })
}

/** Puts an earlier version on the board as one undoable step; the file changes only on Save. */
export async function restoreVersion(ctx: ActionContext, entry: VersionEntry, when: string): Promise<void> {
  const outcome = await ctx.api.readVersion({ id: entry.id })
  if (outcome.status === 'failed') {
    ctx.store.set({ notice: { tone: 'error', text: outcome.message } })
    return
  }
  const { cards, relations } = outcome.board
  ctx.store.change(`Restore version from ${when}`, (board) => {
    board.cards = cards
    board.relations = relations
  })
  ctx.store.select([])
  ctx.store.set({
    dialog: null,
    notice: { tone: 'info', text: `Restored the version saved ${when}. Save to keep it; Undo brings back what you had.` }
  })
}

/** The board point at the middle of the visible canvas. */
function viewCenter(ctx: ActionContext): { x: number; y: number } {
  const rect = ctx.canvas?.getBoundingClientRect()
  if (!ctx.flow || !rect) return { x: 0, y: 0 }
  return ctx.flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
}

/** Naming a card just added is part of adding it: one undo step. */
export const newCardKey = (id: string): string => `new:${id}`

/** Adds a card where it was dropped, or in free space where the facilitator is looking, and starts naming it. */
export function insertCard(ctx: ActionContext, kind: CardKind, droppedAt?: { x: number; y: number }): void {
  const card = makeCard(kind, droppedAt ?? viewCenter(ctx))
  if (!droppedAt) {
    const others = ctx.store.board.cards.filter((c) => !cardKind(c.kind).container)
    Object.assign(card, freeSpot(viewCenter(ctx), card, others))
  }
  ctx.store.change(`Add ${kind}`, (board) => addCard(board, card), newCardKey(card.id))
  ctx.store.set({ selectedCards: new Set([card.id]), selectedRelations: new Set(), editing: card.id })
}

const hasSelection = ({ store }: ActionContext): boolean => {
  const s = store.getState()
  return s.selectedCards.size + s.selectedRelations.size > 0
}

const impls: Record<string, ActionImpl> = {
  'board.new': { run: newBoard },
  'board.open': { run: openBoard },
  'board.save': { run: (ctx) => saveBoard(ctx, false) },
  'board.saveAs': { run: (ctx) => saveBoard(ctx, true) },
  'board.versions': { run: showVersions, isEnabled: ({ store }) => store.getState().hasFile },
  'board.recover': { run: (ctx) => showRecovery(ctx, { quietIfNone: false }) },
  'edit.undo': { run: ({ store }) => store.undo(), isEnabled: ({ store }) => store.getState().history.past.length > 0 },
  'edit.redo': { run: ({ store }) => store.redo(), isEnabled: ({ store }) => store.getState().history.future.length > 0 },
  'edit.rename': {
    run: ({ store }) => {
      const [only, ...rest] = store.getState().selectedCards
      if (only && rest.length === 0) store.set({ editing: only })
    },
    isEnabled: ({ store }) => store.getState().selectedCards.size === 1
  },
  'edit.delete': {
    run: ({ store }) => {
      const { selectedCards, selectedRelations } = store.getState()
      store.change('Delete', (board) => removeItems(board, selectedCards, selectedRelations))
      store.select([])
    },
    isEnabled: hasSelection
  },
  'edit.selectAll': { run: ({ store }) => store.select(store.board.cards.map((c) => c.id), store.board.relations.map((r) => r.id)) },
  'view.zoomIn': { run: ({ flow }) => flow?.zoomIn({ duration: 150 }) },
  'view.zoomOut': { run: ({ flow }) => flow?.zoomOut({ duration: 150 }) },
  'view.fit': { run: ({ flow }) => flow?.fitView({ duration: 200, padding: 0.15 }) }
}

function implFor(id: string): ActionImpl | undefined {
  const kind = id.startsWith('insert.') ? id.slice('insert.'.length) : null
  if (kind && isCardKind(kind)) return { run: (ctx) => insertCard(ctx, kind) }
  return impls[id]
}

export function isActionEnabled(id: string, ctx: ActionContext): boolean {
  const impl = implFor(id)
  return !!impl && (impl.isEnabled?.(ctx) ?? true)
}

/** Runs the action with this id, from a menu, a key or a button alike. */
export async function runAction(id: string, ctx: ActionContext): Promise<void> {
  const impl = implFor(id)
  if (!impl || !(impl.isEnabled?.(ctx) ?? true)) return
  try {
    await impl.run(ctx)
  } catch (err) {
    ctx.store.set({ notice: { tone: 'error', text: `${id} failed: ${err instanceof Error ? err.message : String(err)}` } })
  }
}

/** Every declared command has an implementation; checked by a test. */
export const unimplementedCommands = (): string[] => commands.filter((c) => !implFor(c.id)).map((c) => c.id)
