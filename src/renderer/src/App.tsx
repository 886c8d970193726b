import { useEffect, useMemo, useRef } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import type { BoardApi } from '../../shared/api'
import { commands } from '../../shared/commands'
import { matchesKeys } from '../../shared/keys'
import { confirmDiscard, isActionEnabled, offerRecoveryAtStart, runAction, type ActionContext, type ActionTrigger } from './actions'
import { Canvas } from './canvas/Canvas'
import { EditorContext } from './editorContext'
import { useFileDrop, useOpenRequests } from './fileOpening'
import { FacilitationLayer } from './facilitation/FacilitationLayer'
import { isMac, isTyping } from './platform'
import { loadPrefs } from './prefs'
import { EditorStore } from './state/editorStore'
import { RecoveryWriter } from './state/recoveryWriter'
import { Dialogs } from './ui/Dialogs'
import { DropHint } from './ui/DropHint'
import { EditingTools, useEditingTools } from './ui/EditingTools'
import { EmptyHint } from './ui/EmptyHint'
import { ExportDialog } from './ui/ExportDialog'
import { NoticeBar } from './ui/NoticeBar'
import { Palette } from './ui/Palette'
import { SidePanel } from './ui/SidePanel'
import { TopBar } from './ui/TopBar'

/** Commands a text field handles itself while the facilitator types. */
const fieldCommands: Record<string, string> = { 'edit.undo': 'undo', 'edit.redo': 'redo', 'edit.selectAll': 'selectAll' }

function dispatch(id: string, ctx: ActionContext, trigger?: ActionTrigger): void {
  const native = fieldCommands[id]
  if (native && isTyping(document.activeElement)) {
    document.execCommand(native)
    return
  }
  void runAction(id, ctx, trigger)
}

/** Keys inside an open dialog (command palette, shortcut sheet) belong to it, not to the board. */
const inDialog = (target: EventTarget | null): boolean => target instanceof Element && !!target.closest('dialog[open]')

function useShortcuts(ctx: ActionContext): void {
  useEffect(() => {
    const handle = (e: KeyboardEvent, capture: boolean): void => {
      // A modal dialog (File > Export) owns the keyboard, even when focus has fallen back to the page.
      if (e.defaultPrevented || inDialog(e.target) || document.querySelector('dialog[open]')) return
      const typing = isTyping(e.target)
      for (const command of commands) {
        const key = command.keys?.find((k) => matchesKeys(k, e, isMac))
        if (!key) continue
        // Repeating keys (the arrows) are taken before React Flow, which would move a focused card its own way.
        if (!!command.repeat !== capture) return
        if (e.repeat && !command.repeat) return
        // While typing, only modifier shortcuts count, and the field keeps its own undo and select-all.
        if (typing && (!key.includes('Mod') || fieldCommands[command.id])) return
        // Clipboard keys go on to raise the browser's copy, cut and paste events (see clipboardActions.ts).
        if (command.role) return
        if (capture) {
          if (!isActionEnabled(command.id, ctx)) return
          e.stopPropagation()
        }
        e.preventDefault()
        dispatch(command.id, ctx, { repeat: e.repeat })
        return
      }
    }
    const onKeyDownCapture = (e: KeyboardEvent): void => handle(e, true)
    const onKeyDown = (e: KeyboardEvent): void => handle(e, false)
    window.addEventListener('keydown', onKeyDownCapture, true)
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener('keydown', onKeyDownCapture, true)
      window.removeEventListener('keydown', onKeyDown)
    }
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
    // Quitting asks again if an earlier quit was cancelled; one question at a time.
    let asking = false
    const offClose = api.on('closeRequested', () => {
      if (asking) return
      asking = true
      void confirmDiscard(ctx)
        .then((ok) => {
          if (ok) void api.closeWindow()
        })
        .finally(() => {
          asking = false
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
 * boards a crash left unsaved are offered back (on the start screen, or in the
 * recovery dialog when the start screen is not up).
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
    offerRecoveryAtStart(ctx).catch((err: unknown) => console.error('Orgboard: could not look for unsaved boards', err))
    // The start screen lists them while it is up; once it is gone, it no longer does.
    return ctx.store.subscribe(() => {
      const { recoveryOnStartScreen, facilitation } = ctx.store.getState()
      if (recoveryOnStartScreen && !facilitation.startScreen) ctx.store.set({ recoveryOnStartScreen: false })
    })
  }, [ctx])
}

export function App({ api }: { api: BoardApi }): React.JSX.Element {
  const canvasRef = useRef<HTMLElement>(null)
  const ctx = useMemo<ActionContext>(() => ({ store: new EditorStore(loadPrefs(window.localStorage)), api, flow: null, canvas: null }), [api])
  useShortcuts(ctx)
  useWindowBridge(ctx)
  useRecoveryCopies(ctx)
  useOpenRequests(ctx)
  const dropping = useFileDrop(ctx)
  useEditingTools(ctx)
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
              {dropping && <DropHint />}
              <EditingTools />
            </main>
            <SidePanel />
          </div>
          <FacilitationLayer />
          <ExportDialog />
          <Dialogs />
        </div>
      </ReactFlowProvider>
    </EditorContext.Provider>
  )
}
