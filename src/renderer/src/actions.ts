import type { ReactFlowInstance } from '@xyflow/react'
import type { BoardApi, DroppedFile, OpenOutcome, RecoveryEntry, VersionEntry } from '../../shared/api'
import { emptyBoard } from '../../shared/board'
import { commands } from '../../shared/commands'
import { addCard, connectCards, makeCard, removeItems } from '../../shared/edits'
import { revisionOf } from '../../shared/history'
import { cardKind, isCardKind, type CardKind } from '../../shared/kinds'
import { freeSpot } from '../../shared/placement'
import { editingActions } from './editingActions'
import { facilitationActions } from './facilitation/actions'
import { setFacilitation } from './facilitation/state'
import { copyBoardPng } from './export/exportActions'
import { mapActions } from './mapActions'
import type { EditorStore, Notice } from './state/editorStore'
import { frameCards } from './canvas/frameCards'

export interface ActionContext {
  store: EditorStore
  api: BoardApi
  flow: ReactFlowInstance | null
  /** The canvas element, to find the middle of what the facilitator is looking at. */
  canvas: HTMLElement | null
  /** Where the pointer is over the canvas (client pixels), or null when it is elsewhere: a paste lands there. */
  pointer?: { x: number; y: number } | null
}

/** How an action was started, for the few that care (a held-down key repeats a nudge). */
export interface ActionTrigger {
  repeat?: boolean
}

export interface ActionImpl {
  run(ctx: ActionContext, trigger?: ActionTrigger): void | Promise<unknown>
  isEnabled?(ctx: ActionContext): boolean
  /** For toggles and choices (snap to grid, theme): whether it is on now. */
  isChecked?(ctx: ActionContext): boolean
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

/** A blank board, once unsaved changes are dealt with (File > New shows the start screen, which calls this). */
export async function newBlankBoard(ctx: ActionContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return
  await ctx.api.newBoard()
  ctx.store.load(emptyBoard(), 'Untitled', false)
}

/** Shows what came of opening a board: it, or why not. Cancelled, or already open in another window: nothing changes here. */
function applyOpenOutcome(ctx: ActionContext, outcome: OpenOutcome): void {
  if (outcome.status === 'cancelled' || outcome.status === 'elsewhere') return
  if (outcome.status === 'failed') {
    ctx.store.set({ notice: { tone: 'error', text: outcome.message } })
    return
  }
  // A board opened from an exported image has no board file yet: Save asks where to keep it.
  ctx.store.load(outcome.board, outcome.name, !outcome.fromImage)
  ctx.store.set({ notice: openedNotice(null, outcome.notices, outcome.warnings) })
}

/** Shows the boards that a crash or kill left unsaved (from the File menu, or at start without the start screen). */
export async function showRecovery(ctx: ActionContext, { quietIfNone }: { quietIfNone: boolean }): Promise<void> {
  const entries = await ctx.api.listRecovery()
  if (entries.length > 0) ctx.store.set({ dialog: { kind: 'recovery', entries } })
  else if (!quietIfNone) ctx.store.set({ notice: { tone: 'info', text: 'There are no unsaved boards to recover.' } })
}

/**
 * At launch: boards a crash left unsaved are offered back. The start screen lists
 * them while it is up (one screen, not two competing dialogs); without it, the
 * recovery dialog shows them.
 */
export async function offerRecoveryAtStart(ctx: ActionContext): Promise<void> {
  // Decided now, not when the list arrives: an Escape meanwhile must not turn the start screen into a dialog.
  if (ctx.store.getState().facilitation.startScreen) ctx.store.set({ recoveryOnStartScreen: true })
  else await showRecovery(ctx, { quietIfNone: true })
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

/**
 * Every way of opening a board in this window: first the unsaved-changes guard, then main opens it.
 * `fromOutside`: a file from the OS (command line, double-click, drop) that may close the start
 * screen before the facilitator saw its boards to recover; they are offered again in the dialog.
 */
async function openWith(ctx: ActionContext, open: () => Promise<OpenOutcome>, fromOutside = false): Promise<void> {
  try {
    if (!(await confirmDiscard(ctx))) return
    const outcome = await open()
    const unseenRecovery = fromOutside && ctx.store.getState().recoveryOnStartScreen
    applyOpenOutcome(ctx, outcome)
    if (unseenRecovery && outcome.status === 'opened') await showRecovery(ctx, { quietIfNone: true })
  } catch (err) {
    ctx.store.set({ notice: { tone: 'error', text: `Could not open the board: ${err instanceof Error ? err.message : String(err)}` } })
  }
}

const openBoard = (ctx: ActionContext): Promise<void> => openWith(ctx, () => ctx.api.openBoard())

/** A board main offered this window (command line, double-click, second launch, the native Open Recent). */
export const openOffered = (ctx: ActionContext, path: string): Promise<void> => openWith(ctx, () => ctx.api.openPath({ path }), true)

export const openRecentBoard = (ctx: ActionContext, path: string): Promise<void> => openWith(ctx, () => ctx.api.openRecent({ path }))

export const openDroppedFile = (ctx: ActionContext, file: DroppedFile): Promise<void> =>
  openWith(ctx, () => ctx.api.openDroppedFile(file), true)

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

const hasCards = ({ store }: ActionContext): boolean => store.board.cards.length > 0

const impls: Record<string, ActionImpl> = {
  'board.new': { run: ({ store }) => setFacilitation(store, { startScreen: true }) },
  'board.open': { run: openBoard },
  'window.new': { run: ({ api }) => api.newWindow() },
  'board.save': { run: (ctx) => saveBoard(ctx, false) },
  'board.saveAs': { run: (ctx) => saveBoard(ctx, true) },
  'board.versions': { run: showVersions, isEnabled: ({ store }) => store.getState().hasFile },
  'board.recover': { run: (ctx) => showRecovery(ctx, { quietIfNone: false }) },
  'board.export': { run: ({ store }) => store.set({ exportOpen: true }), isEnabled: hasCards },
  'board.copyPng': { run: copyBoardPng, isEnabled: hasCards },
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
  'edit.connect': {
    // In the order they were selected: A then B gives "A → B"; more cards make a path.
    run: ({ store }) => {
      const ids = [...store.getState().selectedCards]
      store.change('Connect', (board) => {
        for (let i = 1; i < ids.length; i++) connectCards(board, ids[i - 1] as string, ids[i] as string)
      })
    },
    isEnabled: ({ store }) => store.getState().selectedCards.size >= 2
  },
  'edit.selectNone': { run: ({ store }) => store.select([]) },
  'edit.selectAll': { run: ({ store }) => store.select(store.board.cards.map((c) => c.id), store.board.relations.map((r) => r.id)) },
  'view.zoomIn': { run: ({ flow }) => flow?.zoomIn({ duration: 150 }) },
  'view.zoomOut': { run: ({ flow }) => flow?.zoomOut({ duration: 150 }) },
  'view.fit': { run: (ctx) => frameCards(ctx, undefined, { padding: 0.06, maxZoom: 1.5 }) },
  ...editingActions,
  ...facilitationActions,
  ...mapActions
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

export function isActionChecked(id: string, ctx: ActionContext): boolean | undefined {
  return implFor(id)?.isChecked?.(ctx)
}

/** Runs the action with this id, from a menu, a key or a button alike. */
export async function runAction(id: string, ctx: ActionContext, trigger?: ActionTrigger): Promise<void> {
  const impl = implFor(id)
  if (!impl || !(impl.isEnabled?.(ctx) ?? true)) return
  try {
    await impl.run(ctx, trigger)
  } catch (err) {
    ctx.store.set({ notice: { tone: 'error', text: `${id} failed: ${err instanceof Error ? err.message : String(err)}` } })
  }
}

/** Every declared command has an implementation; checked by a test. */
export const unimplementedCommands = (): string[] => commands.filter((c) => !implFor(c.id)).map((c) => c.id)
