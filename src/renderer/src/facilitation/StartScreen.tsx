import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { FolderOpen, Plus, X } from 'lucide-react'
import type { RecoveryEntry, TemplateInfo, TemplateList } from '../../../shared/api'
import { formatKeys } from '../../../shared/commands'
import { boundsOf } from '../../../shared/geometry'
import { fitViewport } from '../../../shared/presentation'
import { confirmDiscard, newBlankBoard, runAction, type ActionContext } from '../actions'
import { useEditorContext } from '../editorContext'
import { isMac } from '../platform'
import { useEditor } from '../state/editorStore'
import { RecoveryList } from '../ui/RecoveryList'
import { BoardSketch } from './BoardSketch'
import { StartRecent } from './StartRecent'
import { useModalKeys } from './modalKeys'
import { setFacilitation } from './state'

/**
 * The start screen, on launch and after File > New: a blank board, a board from
 * a template, or one from disk. Escape goes back to the board underneath.
 */
export function StartScreen(): React.JSX.Element | null {
  const { store } = useEditorContext()
  const open = useEditor(store, (s) => s.facilitation.startScreen)
  return open ? <StartScreenDialog /> : null
}

const BLANK: Pick<TemplateInfo, 'name' | 'description'> = {
  name: 'Blank board',
  description: "An empty board: map the room's work from nothing."
}

/** Starts a board from a template: an untitled copy, fitted to the window. */
async function startFromTemplate(ctx: ActionContext, template: TemplateInfo): Promise<void> {
  if (!(await confirmDiscard(ctx))) return
  const outcome = await ctx.api.openTemplate({ id: template.id })
  if (outcome.status === 'failed') {
    ctx.store.set({ notice: { tone: 'error', text: outcome.message } })
    return
  }
  const board = outcome.board
  const area = boundsOf(board.cards)
  const rect = ctx.canvas?.getBoundingClientRect()
  const viewport = area && rect && rect.width > 0 ? fitViewport(area, rect, 0.06) : board.viewport
  ctx.store.load({ ...board, viewport }, 'Untitled', false)
  ctx.store.set({ notice: null })
}

function StartScreenDialog(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store, api } = ctx
  const [list, setList] = useState<TemplateList | null>(null)
  const [busy, setBusy] = useState(false)
  const notice = useEditor(store, (s) => s.notice)
  const boardName = useEditor(store, (s) => s.name)
  const hasBoard = useEditor(store, (s) => s.history.present.cards.length > 0 || s.hasFile)
  const grid = useRef<HTMLDivElement>(null)
  const [focused, setFocused] = useState(0)

  useEffect(() => {
    let live = true
    api
      .listTemplates()
      .then((result) => live && setList(result))
      .catch((err: unknown) => live && setList({ status: 'failed', message: `The templates could not be listed (${String(err)}).` }))
    return () => {
      live = false
    }
  }, [api])

  const close = (): void => setFacilitation(store, { startScreen: false })
  const showProblem = useCallback((text: string) => store.set({ notice: { tone: 'error', text } }), [store])

  // Escape closes; File > Open keeps its key; no other shortcut reaches the board underneath.
  useModalKeys(close, ['board.open'])

  const templates = list?.status === 'listed' ? list.templates.filter((t) => t.id !== 'blank') : []
  const blank = (list?.status === 'listed' && list.templates.find((t) => t.id === 'blank')) || undefined
  const problems = list?.status === 'failed' ? [list.message] : list?.status === 'listed' ? list.problems : []

  const run = (work: () => Promise<void>): void => {
    if (busy) return
    setBusy(true)
    void work().finally(() => setBusy(false))
  }

  const tiles: { key: string; name: string; description: string; choose: () => void; template?: TemplateInfo }[] = [
    { key: 'blank', name: blank?.name ?? BLANK.name, description: blank?.description ?? BLANK.description, choose: () => run(() => newBlankBoard(ctx)) },
    ...templates.map((t) => ({ key: t.id, name: t.name, description: t.description, template: t, choose: () => run(() => startFromTemplate(ctx, t)) }))
  ]

  const onGridKey = (e: ReactKeyboardEvent<HTMLDivElement>): void => {
    const columns = grid.current ? getComputedStyle(grid.current).gridTemplateColumns.split(' ').length : 1
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }
    let next: number
    if (e.key in moves) next = focused + (moves[e.key] ?? 0)
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = tiles.length - 1
    else return
    e.preventDefault()
    next = Math.max(0, Math.min(tiles.length - 1, next))
    setFocused(next)
    grid.current?.querySelectorAll<HTMLButtonElement>('[data-tile]')[next]?.focus()
  }

  // Tab stays inside the dialog.
  const onDialogKey = (e: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'Tab') return
    const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled])')].filter((b) => b.tabIndex >= 0)
    const first = focusable[0]
    const last = focusable.at(-1)
    if (!first || !last) return
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="start" role="dialog" aria-modal="true" aria-labelledby="start-title" data-testid="start-screen" onKeyDown={onDialogKey}>
      <div className="start__inner">
        <header className="start__header">
          <div className="start__brand">
            <span className="start__logo" aria-hidden />
            <div>
              <h1 id="start-title">Orgboard</h1>
              <p>Map how work really flows. Pick a starting point for the workshop.</p>
            </div>
          </div>
          <div className="start__actions">
            <button type="button" className="button button--large" onClick={() => void runAction('board.open', ctx)} disabled={busy}>
              <FolderOpen size={18} aria-hidden />
              Open…
              <kbd>{formatKeys('Mod+O', isMac)}</kbd>
            </button>
            {hasBoard && (
              <button type="button" className="icon-button" aria-label={`Back to ${boardName}`} title={`Back to ${boardName} (Esc)`} onClick={close}>
                <X size={20} aria-hidden />
              </button>
            )}
          </div>
        </header>

        {notice?.tone === 'error' && (
          <p className="start__notice" role="alert" data-testid="start-notice">
            {notice.text}
          </p>
        )}

        <BoardsToRecover />
        <StartRecent disabled={busy} onProblem={showProblem} />

        <section aria-labelledby="start-new">
          <h2 className="start__heading" id="start-new">
            New board
          </h2>
          <div className="start__grid" ref={grid} role="group" aria-label="Templates" onKeyDown={onGridKey}>
            {tiles.map((tile, i) => (
              <button
                key={tile.key}
                type="button"
                className="tile"
                data-tile={tile.key}
                tabIndex={i === focused ? 0 : -1}
                autoFocus={i === 0}
                disabled={busy}
                onFocus={() => setFocused(i)}
                onClick={tile.choose}
              >
                <span className="tile__preview" aria-hidden>
                  {tile.template ? (
                    <BoardSketch className="tile__sketch" preview={tile.template.preview} label="" />
                  ) : (
                    <span className="tile__blank">
                      <Plus size={28} />
                    </span>
                  )}
                </span>
                <span className="tile__body">
                  <span className="tile__name">{tile.name}</span>
                  <span className="tile__description">{tile.description}</span>
                </span>
              </button>
            ))}
          </div>
          {list === null && <p className="start__hint">Loading templates…</p>}
          {problems.map((p) => (
            <p key={p} className="start__hint" role="status">
              {p}
            </p>
          ))}
        </section>

        <p className="start__footer">
          {hasBoard ? (
            <>
              <kbd>Esc</kbd> returns to {boardName}.
            </>
          ) : (
            <>
              <kbd>Esc</kbd> starts with a blank board. Arrow keys move between boards, <kbd>Enter</kbd> opens one.
            </>
          )}
        </p>
      </div>
    </div>
  )
}

/**
 * "Boards to recover": boards a crash or kill left unsaved (recovery copies),
 * each to restore or discard. Listed first, and the first Restore starts focused:
 * Enter on the start screen must never leave work behind. Escape keeps them for
 * File > Recover Unsaved Boards….
 */
function BoardsToRecover(): React.JSX.Element | null {
  const { api } = useEditorContext()
  const [entries, setEntries] = useState<RecoveryEntry[]>([])
  useEffect(() => {
    let live = true
    api
      .listRecovery()
      .then((list) => live && setEntries(list))
      .catch((err: unknown) => console.error('Orgboard: could not look for unsaved boards', err))
    return () => {
      live = false
    }
  }, [api])
  if (entries.length === 0) return null
  return (
    <section aria-labelledby="start-recover" className="start__recover" data-testid="start-recovery">
      <h2 className="start__heading" id="start-recover">
        {entries.length === 1 ? 'A board to recover' : `${entries.length} boards to recover`}
      </h2>
      <p className="start__hint">Orgboard stopped before these changes were saved. Restore a board to keep working on it, or discard it.</p>
      <RecoveryList entries={entries} onChange={setEntries} focusFirst />
    </section>
  )
}
