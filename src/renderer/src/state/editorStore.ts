import { useCallback, useSyncExternalStore } from 'react'
import type { Draft } from 'immer'
import type { RecoveryEntry, VersionEntry } from '../../../shared/api'
import type { Board, Viewport } from '../../../shared/board'
import { emptyBoard } from '../../../shared/board'
import { createHistory, record, redo, revisionOf, undo, type History } from '../../../shared/history'
import { defaultPrefs, type Prefs } from '../prefs'
import { initialFacilitation, type FacilitationState } from '../facilitation/state'
import { CardDrag } from './cardDrag'
import { KeyedListeners } from './keyedListeners'

export interface Notice {
  tone: 'error' | 'info'
  text: string
  /** A list under the text, e.g. what was repaired while opening a file. */
  details?: string[]
  /** A way out, as a button: runs the command with this id (e.g. Save As after a failed save). */
  action?: { label: string; command: string }
}

/** The modal dialog the renderer shows, if any. */
export type DialogState =
  | { kind: 'recovery'; entries: RecoveryEntry[] }
  | { kind: 'versions'; entries: VersionEntry[] }

/** A card's place and size while it is resized or laid out: shown on the canvas, recorded once at the end (drags: CardDrag). */
export interface Preview {
  x: number
  y: number
  width?: number
  height?: number
}

/** A panel over the canvas that takes the keyboard: the find bar, command palette or shortcut sheet. */
export type Overlay = 'find' | 'palette' | 'shortcuts'

export interface EditorState {
  history: History<Board>
  /** The window's board name and whether the file behind it exists. */
  name: string
  hasFile: boolean
  /** Revision last written to disk, to tell whether there are unsaved changes. */
  savedRevision: number
  /** Changes each time a different board is loaded, so the canvas restores its viewport. */
  loadCount: number
  /** The live viewport; kept out of history and written on save. */
  viewport: Viewport
  selectedCards: ReadonlySet<string>
  selectedRelations: ReadonlySet<string>
  /** The card whose title is being edited inline. */
  editing: string | null
  /**
   * The card under the pointer. Only it and selected cards mount React Flow's handles:
   * 4 handles on each card on screen were a fifth of the main thread's time in a traced pan.
   */
  hoveredCard: string | null
  preview: ReadonlyMap<string, Preview>
  notice: Notice | null
  /** Which side panel is showing (see panels.ts). */
  panel: string
  /** View > Show Critical Path: the longest chain of dependencies drawn on the canvas. */
  showCriticalPath: boolean
  /** View > Show Phases: each card's phase of the dependency path as a tag. */
  showPhases: boolean
  /** View preferences (theme, snap to grid), saved per computer; see prefs.ts. */
  prefs: Prefs
  overlay: Overlay | null
  /** Start screen, timer, presenter and compare view (facilitation/state.ts); never saved. */
  facilitation: FacilitationState
  /** The File > Export dialog is showing. */
  exportOpen: boolean
  /** The recovery or version dialog, if one is showing. */
  dialog: DialogState | null
  /** The start screen shown at launch lists the boards a crash left unsaved (true until it closes). */
  recoveryOnStartScreen: boolean
}

const none: ReadonlySet<string> = new Set()

function initialState(prefs: Prefs): EditorState {
  const board = emptyBoard()
  return {
    history: createHistory(board),
    name: 'Untitled',
    hasFile: false,
    savedRevision: 0,
    loadCount: 0,
    viewport: board.viewport,
    selectedCards: none,
    selectedRelations: none,
    editing: null,
    hoveredCard: null,
    preview: new Map(),
    notice: null,
    panel: 'inspector',
    showCriticalPath: false,
    showPhases: false,
    prefs,
    overlay: null,
    facilitation: initialFacilitation(),
    exportOpen: false,
    dialog: null,
    recoveryOnStartScreen: false
  }
}

type Listener = () => void

/** The one document store: the board with its history, plus view state that never enters history. */
export class EditorStore {
  private state: EditorState
  private listeners = new Set<Listener>()
  /** Per card, for the cards on the canvas: told only when that card's hover changes, not on every set. */
  private hoverListeners = new KeyedListeners()
  /** The drag under way, if any: its moves bypass `set` (see CardDrag). */
  readonly drag = new CardDrag()

  constructor(prefs: Prefs = defaultPrefs) {
    this.state = initialState(prefs)
  }

  getState = (): EditorState => this.state

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Hears when `cardId` starts or stops being the hovered card. */
  subscribeHover = (cardId: string, listener: Listener): (() => void) => this.hoverListeners.add(cardId, listener)

  set(patch: Partial<EditorState>): void {
    const hovered = this.state.hoveredCard
    this.state = { ...this.state, ...patch }
    for (const l of this.listeners) l()
    if (this.state.hoveredCard !== hovered) {
      for (const id of [hovered, this.state.hoveredCard]) if (id !== null) this.hoverListeners.tell(id)
    }
  }

  get board(): Board {
    return this.state.history.present
  }

  isEdited(): boolean {
    return revisionOf(this.state.history) !== this.state.savedRevision
  }

  /** Applies one undoable change to the board; see `record` for `mergeKey`. */
  change(label: string, recipe: (draft: Draft<Board>) => void, mergeKey?: string): void {
    const history = record(this.state.history, label, recipe, mergeKey)
    if (history !== this.state.history) this.set({ history })
  }

  undo(): void {
    this.set({ history: undo(this.state.history), editing: null })
    this.pruneSelection()
  }

  redo(): void {
    this.set({ history: redo(this.state.history), editing: null })
    this.pruneSelection()
  }

  /** Replaces the board (new or opened): history starts over and the result counts as saved. */
  load(board: Board, name: string, hasFile: boolean, unsaved = false): void {
    this.drag.end()
    const history = createHistory(board)
    this.set({
      history,
      name,
      hasFile,
      // -1 is no revision at all, so an unsaved load stays edited until saved.
      savedRevision: unsaved ? -1 : revisionOf(history),
      loadCount: this.state.loadCount + 1,
      viewport: board.viewport,
      selectedCards: none,
      selectedRelations: none,
      editing: null,
      hoveredCard: null,
      preview: new Map(),
      // A board is on screen now: the start screen has done its job.
      facilitation: { ...this.state.facilitation, startScreen: false, comparing: null, presenting: null }
    })
  }

  /** Like load, but the board counts as unsaved (a recovered board that is not in its file yet). */
  loadUnsaved(board: Board, name: string, hasFile: boolean): void {
    this.load(board, name, hasFile, true)
  }

  /** `revision` is the one that was written, so edits made during the save stay unsaved. */
  markSaved(name: string, revision: number): void {
    this.set({ name, hasFile: true, savedRevision: revision })
  }

  /** The board as it should be written: the live viewport included. */
  boardToSave(): Board {
    return { ...this.board, viewport: this.state.viewport }
  }

  select(cards: Iterable<string>, relations: Iterable<string> = []): void {
    this.set({ selectedCards: new Set(cards), selectedRelations: new Set(relations) })
  }

  private pruneSelection(): void {
    const ids = new Set(this.board.cards.map((c) => c.id))
    const rels = new Set(this.board.relations.map((r) => r.id))
    const cards = [...this.state.selectedCards].filter((id) => ids.has(id))
    const relations = [...this.state.selectedRelations].filter((id) => rels.has(id))
    if (cards.length !== this.state.selectedCards.size || relations.length !== this.state.selectedRelations.size) {
      this.select(cards, relations)
    }
  }
}

export function useEditor<T>(store: EditorStore, selector: (s: EditorState) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()))
}

/**
 * Whether the pointer is over this card. Every card on the canvas asks, so it listens for its own
 * hover only: with useEditor, each of hundreds of cards ran a selector on every set (each move of
 * a resize, each card the pointer crosses).
 */
export function useCardHovered(store: EditorStore, cardId: string): boolean {
  const subscribe = useCallback((listener: Listener) => store.subscribeHover(cardId, listener), [store, cardId])
  return useSyncExternalStore(subscribe, () => store.getState().hoveredCard === cardId)
}
