import type { BoardApi } from '../../../shared/api'
import { revisionOf } from '../../../shared/history'
import type { EditorStore } from './editorStore'

/** About a second after the last change, the recovery copy is written... */
export const RECOVERY_DELAY_MS = 1000
/** ...and during a long run of changes, at least this often. */
export const RECOVERY_MAX_WAIT_MS = 5000

export interface RecoveryWriterOptions {
  delayMs?: number
  maxWaitMs?: number
  now?: () => number
}

type Timer = ReturnType<typeof setTimeout>

/**
 * Keeps the main process's recovery copy of this window's board in step with
 * unsaved changes: written about a second after the last change (debounced,
 * with a maximum wait) and at once when the window loses focus (flush); dropped
 * when the board becomes clean again (saved, discarded, undone back to the
 * saved state, replaced by New or Open). Never touches the board's own file.
 */
export class RecoveryWriter {
  private readonly delayMs: number
  private readonly maxWaitMs: number
  private readonly now: () => number
  private timer: Timer | null = null
  private pendingSince: number | null = null
  /** The board state last seen (load count and revision), and when it last changed. */
  private seenKey = ''
  private changedAt = 0
  private seenSaved: number
  private seenLoad: number
  /** The board state the copy on disk holds, if any. */
  private writtenKey: string | null = null
  /** The board was edited when last seen, so a copy may exist that a clean board must drop. */
  private wasEdited = false

  constructor(
    private readonly store: EditorStore,
    private readonly api: Pick<BoardApi, 'saveRecovery' | 'discardRecovery'>,
    options: RecoveryWriterOptions = {}
  ) {
    this.delayMs = options.delayMs ?? RECOVERY_DELAY_MS
    this.maxWaitMs = options.maxWaitMs ?? RECOVERY_MAX_WAIT_MS
    this.now = options.now ?? Date.now
    this.seenSaved = store.getState().savedRevision
    this.seenLoad = store.getState().loadCount
  }

  /** Starts watching the store; returns the stop function. */
  start(): () => void {
    this.sync()
    const off = this.store.subscribe(() => this.sync())
    return () => {
      off()
      this.cancel()
    }
  }

  /** Writes the copy now if it is behind (the window lost focus, or the timer fired). */
  flush(): void {
    this.cancel()
    if (!this.store.isEdited()) return
    const key = this.key()
    if (this.writtenKey === key) return
    this.writtenKey = key
    const { name } = this.store.getState()
    this.api.saveRecovery({ board: this.store.boardToSave(), name, changedAt: this.changedAt }).catch((err: unknown) => {
      console.error('Orgboard: the recovery copy could not be written', err)
      if (this.writtenKey === key) this.writtenKey = null
    })
  }

  private key(): string {
    const s = this.store.getState()
    return `${s.loadCount}:${revisionOf(s.history)}`
  }

  private sync(): void {
    const s = this.store.getState()
    if (s.savedRevision !== this.seenSaved || s.loadCount !== this.seenLoad) {
      // Saved (the main process dropped the copy) or another board loaded: what is on disk is not this board's state.
      this.seenSaved = s.savedRevision
      this.seenLoad = s.loadCount
      this.writtenKey = null
    }
    const key = this.key()
    if (!this.store.isEdited()) {
      this.cancel()
      this.seenKey = key
      if (this.wasEdited) void this.api.discardRecovery().catch(() => {})
      this.wasEdited = false
      return
    }
    this.wasEdited = true
    if (key !== this.seenKey) {
      this.seenKey = key
      this.changedAt = this.now()
      this.schedule()
    } else if (this.writtenKey !== key && this.timer === null) this.schedule()
  }

  private schedule(): void {
    const now = this.now()
    this.pendingSince ??= now
    const wait = Math.max(0, Math.min(this.delayMs, this.maxWaitMs - (now - this.pendingSince)))
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.flush(), wait)
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.pendingSince = null
  }
}
