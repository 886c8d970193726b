import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { ExportFormat } from '../../../shared/api'
import type { ExportBackground } from '../../../shared/export/look'
import type { PdfPage } from '../../../shared/export/pdf'
import { useEditorContext } from '../editorContext'
import { delayedProgress, type ProgressStep } from '../../../shared/export/progress'
import { exportToFile, forgetExportScene, loadExporter, rememberedSettings } from '../export/exportActions'
import { fittingScale, type ExportSettings } from '../export/exportSettings'
import { useEditor } from '../state/editorStore'
import './exportDialog.css'

interface Choice<T extends string | number> {
  value: T
  label: string
}

const formats: Choice<ExportFormat>[] = [
  { value: 'png', label: 'PNG' },
  { value: 'svg', label: 'SVG' },
  { value: 'pdf', label: 'PDF' }
]
const scales: Choice<1 | 2 | 4>[] = [
  { value: 1, label: '1×' },
  { value: 2, label: '2×' },
  { value: 4, label: '4×' }
]
const backgrounds: Choice<ExportBackground>[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'transparent', label: 'Transparent' }
]
const pages: Choice<PdfPage>[] = [
  { value: 'fit', label: 'Fit to board' },
  { value: 'a4', label: 'A4 landscape' },
  { value: 'a3', label: 'A3 landscape' }
]

function Segmented<T extends string | number>({
  label,
  choices,
  value,
  onChange,
  disabled
}: {
  label: string
  choices: Choice<T>[]
  value: T
  onChange: (value: T) => void
  disabled?: boolean
}): React.JSX.Element {
  return (
    <div className="export__row" role="radiogroup" aria-label={label}>
      <span className="export__label">{label}</span>
      <div className="export__segmented">
        {choices.map((c) => (
          <button
            key={String(c.value)}
            type="button"
            role="radio"
            aria-checked={c.value === value}
            className={c.value === value ? 'is-on' : ''}
            disabled={disabled}
            onClick={() => onChange(c.value)}
          >
            {c.label}
          </button>
        ))}
      </div>
    </div>
  )
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

/** File > Export: format, scope, scale, background, padding, page, with a live preview. */
export function ExportDialog(): React.JSX.Element | null {
  const { store } = useEditorContext()
  const open = useEditor(store, (s) => s.exportOpen)
  return open ? <ExportDialogBody /> : null
}

function ExportDialogBody(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const board = useEditor(store, (s) => s.history.present)
  const selection = useEditor(store, (s) => s.selectedCards)
  const name = useEditor(store, (s) => s.name)
  const [settings, setSettings] = useState<ExportSettings>(() => ({
    ...rememberedSettings(),
    scope: selection.size > 0 ? 'selection' : 'board'
  }))
  const [preview, setPreview] = useState<{ url: string; width: number; height: number } | null>(null)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [step, setStep] = useState<ProgressStep | null>(null)
  const [error, setError] = useState<string | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const exportButton = useRef<HTMLButtonElement>(null)

  const close = (): void => store.set({ exportOpen: false })
  // The same value keeps the same settings object, so choosing what is already chosen redraws nothing.
  const set = <K extends keyof ExportSettings>(key: K, value: ExportSettings[K]): void => setSettings((s) => (s[key] === value ? s : { ...s, [key]: value }))

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    exportButton.current?.focus()
    return forgetExportScene
  }, [])

  // The preview is the export's own drawing (the PNG's, small, drawn in a worker), rebuilt when a
  // setting that changes the drawing changes: not for the format, the PNG scale or the PDF page.
  const { scope, background, padding } = settings
  const input = useMemo(() => ({ board, name, selection, settings: { ...rememberedSettings(), scope, background, padding } }), [board, name, selection, scope, background, padding])
  // The preview being drawn, once it has started. A PNG export shares its workers, which hold the
  // scene already (pngBands.ts), and lets it finish; other formats stop it.
  const previewRun = useRef<{ stop: AbortController; started: boolean } | null>(null)
  useEffect(() => {
    const run = { stop: new AbortController(), started: false }
    const { signal } = run.stop
    previewRun.current = run
    let url: string | null = null
    const timer = setTimeout(() => {
      run.started = true
      void loadExporter()
        .then(async ({ sceneFor, previewPng }) => {
          const { scene, fonts } = await sceneFor(input)
          return { scene, png: await previewPng(scene, fonts, signal) }
        })
        .then(({ scene, png }) => {
          if (signal.aborted) return
          url = URL.createObjectURL(png)
          setPreview({ url, width: scene.width, height: scene.height })
          setPreviewError(null)
        })
        .catch((err: unknown) => {
          if (signal.aborted) return
          setPreview(null)
          setPreviewError(err instanceof Error ? err.message : String(err))
        })
    }, 120)
    return () => {
      run.stop.abort()
      clearTimeout(timer)
      if (url) URL.revokeObjectURL(url)
    }
  }, [input])

  const run = async (): Promise<void> => {
    // The buttons are disabled while it runs; keep the focus (and so the keyboard) in the dialog.
    dialog.current?.focus()
    setBusy(true)
    setError(null)
    const preview = previewRun.current
    if (!(settings.format === 'png' && preview?.started)) preview?.stop.abort()
    const shown = delayedProgress(setStep)
    try {
      const result = await exportToFile(ctx, settings, shown.progress)
      if (result.status === 'failed') setError(result.message)
      else if (result.status === 'exported') close()
    } finally {
      shown.done()
      setBusy(false)
    }
    exportButton.current?.focus()
  }

  const onKeyDown = (e: KeyboardEvent): void => {
    // The board's shortcuts (N adds a note, Delete deletes) must not act behind the dialog.
    e.stopPropagation()
  }

  const png = settings.format === 'png'
  const pdf = settings.format === 'pdf'
  const size = preview ? { width: preview.width * settings.scale, height: preview.height * settings.scale } : null
  const fitScale = preview ? fittingScale(preview.width, preview.height, settings.scale) : settings.scale
  const fitted = preview ? { width: preview.width * fitScale, height: preview.height * fitScale } : null
  const selectedCount = selection.size

  return (
    <dialog
      ref={dialog}
      className="export"
      aria-labelledby="export-title"
      tabIndex={-1}
      onCancel={(e) => {
        e.preventDefault()
        if (!busy) close()
      }}
      onKeyDown={onKeyDown}
      data-testid="export-dialog"
    >
      <h2 id="export-title">Export board</h2>
      <div className="export__body">
        <div className="export__preview" data-testid="export-preview">
          {preview ? (
            <img src={preview.url} alt={`Preview of ${name}`} className={`export__image export__image--${settings.background}`} />
          ) : (
            <p>{previewError ?? 'Drawing the preview…'}</p>
          )}
        </div>
        <div className="export__options">
          <Segmented label="Format" choices={formats} value={settings.format} onChange={(v) => set('format', v)} disabled={busy} />
          <Segmented
            label="Cards"
            choices={[
              { value: 'board', label: 'Whole board' },
              { value: 'selection', label: selectedCount ? `Selection (${selectedCount})` : 'Selection' }
            ]}
            value={settings.scope}
            onChange={(v) => set('scope', v)}
            disabled={busy || selectedCount === 0}
          />
          {png && <Segmented label="Scale" choices={scales} value={settings.scale} onChange={(v) => set('scale', v)} disabled={busy} />}
          {pdf && <Segmented label="Page" choices={pages} value={settings.page} onChange={(v) => set('page', v)} disabled={busy} />}
          <Segmented label="Background" choices={backgrounds} value={settings.background} onChange={(v) => set('background', v)} disabled={busy} />
          <label className="export__row">
            <span className="export__label">Padding</span>
            <input
              type="number"
              min={0}
              max={400}
              step={8}
              value={settings.padding}
              disabled={busy}
              onChange={(e) => set('padding', Math.min(400, Math.max(0, Number(e.target.value) || 0)))}
            />
            <span className="export__unit">px</span>
          </label>
          <p className="export__info" data-testid="export-info">
            {png && size && fitted
              ? fitScale < settings.scale
                ? `Too large for ${settings.scale}× (${fmt(size.width)} × ${fmt(size.height)} px): it will be exported at ${Number(fitScale.toFixed(2))}× (${fmt(fitted.width)} × ${fmt(fitted.height)} px).`
                : `${fmt(size.width)} × ${fmt(size.height)} pixels. File > Open on the PNG reopens the board.`
              : settings.format === 'svg'
                ? 'Vector, with text as outlines that look the same everywhere. File > Open on the SVG reopens the board.'
                : pdf
                  ? 'Vector PDF, one page.'
                  : ''}
          </p>
        </div>
      </div>
      {error && (
        <p className="export__error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
      {busy && step && (
        <p className="export__progress" role="status" data-testid="export-progress">
          {/* A bar where the share done is known: a spinning one redraws the window every frame, taking a core from the drawing. */}
          {step.done === undefined ? <span className="export__spinner" aria-hidden /> : <progress className="export__bar" value={step.done} max={1} aria-hidden />}
          {step.text}…
        </p>
      )}
      <div className="export__buttons">
        <button type="button" className="button" onClick={close} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button--primary" ref={exportButton} onClick={() => void run()} disabled={busy || !preview}>
          Export {settings.format.toUpperCase()}…
        </button>
      </div>
    </dialog>
  )
}
