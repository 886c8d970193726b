import { useEffect, useMemo, useRef } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import type { BoardApi } from '../../shared/api'
import { commands } from '../../shared/commands'
import { matchesKeys } from '../../shared/keys'
import { confirmDiscard, runAction, showRecovery, type ActionContext } from './actions'
import { Canvas } from './canvas/Canvas'
import { EditorContext } from './editorContext'
import { isMac, isTyping } from './platform'
import { EditorStore } from './state/editorStore'
import { RecoveryWriter } from './state/recoveryWriter'
import { Dialogs } from './ui/Dialogs'
import { EmptyHint } from './ui/EmptyHint'
import { isModalOpen } from './ui/TitledModal'
import { NoticeBar } from './ui/NoticeBar'
import { Palette } from './ui/Palette'
import { TopBar } from './ui/TopBar'

/** Commands a text field handles itself while the facilitator types. */
const fieldCommands: Record<string, string> = { 'edit.undo': 'undo', 'edit.redo': 'redo', 'edit.selectAll': 'selectAll' }

function dispatch(id: string, ctx: ActionContext): void {
  const native = fieldCommands[id]
  if (native && isTyping(document.activeElement)) {
    document.execCommand(native)
    return
  }
  void runAction(id, ctx)
}

function useShortcuts(ctx: ActionContext): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.repeat || isModalOpen()) return
      const typing = isTyping(e.target)
      for (const command of commands) {
        const key = command.keys?.find((k) => matchesKeys(k, e, isMac))
        if (!key) continue
        // While typing, only modifier shortcuts count, and the field keeps its own undo and select-all.
        if (typing && (!key.includes('Mod') || fieldCommands[command.id])) return
        e.preventDefault()
        dispatch(command.id, ctx)
        return
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [ctx])
}

/** Keeps the window title and edited marker in step, and answers the menu and the close button. */
function useWindowBridge(ctx: ActionContext): void {
  const { store, api } = ctx
  useEffect(() => {
    let last = ''
    const sync = (): void => {
      const state = { name: store.getState().name, edited: store.isEdited() }
      const key = JSON.stringify(state)
      if (key === last) return
      last = key
      void api.setWindowState(state)
    }
    sync()
    return store.subscribe(sync)
  }, [store, api])

  useEffect(() => {
    const offCommand = api.on('command', (id) => dispatch(id, ctx))
    const offClose = api.on('closeRequested', () => {
      void confirmDiscard(ctx).then((ok) => {
        if (ok) void api.closeWindow()
      })
    })
    return () => {
      offCommand()
      offClose()
    }
  }, [ctx, api])
}

/**
 * Unsaved work survives a crash: a recovery copy follows every change (see
 * RecoveryWriter) and is written at once when the window loses focus; at start,
 * boards a crash left unsaved are offered back.
 */
function useRecoveryCopies(ctx: ActionContext): void {
  useEffect(() => {
    const writer = new RecoveryWriter(ctx.store, ctx.api)
    const stop = writer.start()
    const flush = (): void => writer.flush()
    const flushIfHidden = (): void => {
      if (document.visibilityState === 'hidden') writer.flush()
    }
    window.addEventListener('blur', flush)
    document.addEventListener('visibilitychange', flushIfHidden)
    return () => {
      stop()
      window.removeEventListener('blur', flush)
      document.removeEventListener('visibilitychange', flushIfHidden)
    }
  }, [ctx])

  useEffect(() => {
    showRecovery(ctx, { quietIfNone: true }).catch((err: unknown) => console.error('Orgboard: could not look for unsaved boards', err))
  }, [ctx])
}

export function App({ api }: { api: BoardApi }): React.JSX.Element {
  const canvasRef = useRef<HTMLElement>(null)
  const ctx = useMemo<ActionContext>(() => ({ store: new EditorStore(), api, flow: null, canvas: null }), [api])
  useShortcuts(ctx)
  useWindowBridge(ctx)
  useRecoveryCopies(ctx)
  useEffect(() => {
    ctx.canvas = canvasRef.current
  }, [ctx])

  return (
    <EditorContext.Provider value={ctx}>
      <ReactFlowProvider>
        <div className="app">
          <TopBar />
          <div className="workspace">
            <Palette />
            <main className="canvas" ref={canvasRef} aria-label="Board">
              <NoticeBar />
              <Canvas />
              <EmptyHint />
            </main>
          </div>
          <Dialogs />
        </div>
      </ReactFlowProvider>
    </EditorContext.Provider>
  )
}
