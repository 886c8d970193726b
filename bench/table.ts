import type { BenchSize } from './generate'
import type { NodeFigures } from './nodeMeasures'
import type { Target } from './pageMeasures'

export interface TargetSummary {
  openMs: number
  heapMB: number
  panP50: number
  panP95: number
  /** Frames over 50 ms, per run. */
  panLong: number
  /** Frames a vsync or more late (over 20 ms), % of all: finer than the p95, which moves in vsyncs. */
  panLate: number
  zoomP50: number
  zoomP95: number
  zoomLong: number
  zoomLate: number
  dragP95: number
  /** Input to the painted frame that shows the card moved (React Flow pages only). */
  dragShownP95: number | null
  rendersPerMove: number | null
  /** PNG export at 2× (M only), median ms, and the image's size in pixels. */
  pngExport: { ms: number; width: number; height: number } | null
}

export interface SizeSummary {
  size: BenchSize
  node: NodeFigures
  pages: Partial<Record<Target, TargetSummary>> & Record<'orgboard' | 'reactflow' | 'excalidraw' | 'empty', TargetSummary>
}

/** The targets (2 cores, software rendering, headless, 1280×800); `ratio` is Orgboard ÷ baseline. */
interface Target_ {
  max?: number
  rf?: number
  ex?: number
}

const targets: Record<string, Partial<Record<BenchSize['name'], Target_>>> = {
  pan: { M: { max: 20 }, L: { rf: 1 }, XL: { max: 25, rf: 1, ex: 1 } },
  open: { XL: { max: 1500, rf: 1, ex: 1 } },
  drag: { L: { max: 20 } },
  renders: { L: { max: 3 } },
  save: { XL: { max: 150 } },
  fileOpen: { XL: { max: 200 } },
  undo: { M: { max: 16 }, L: { max: 16 }, XL: { max: 16 } },
  edit: { XL: { max: 5 } },
  heap: { XL: { rf: 1.2, ex: 1 } },
  png: { M: { max: 3000 } }
}

const fmt = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits))
const ratio = (a: number | null, b: number | null | undefined): string =>
  a === null || b === null || b === undefined || !b || Number.isNaN(a) || Number.isNaN(b) ? '—' : `${(a / b).toFixed(2)}×`

function verdict(t: Target_ | undefined, value: number | null, rf: number | null, ex: number | null, unit: string): string {
  if (!t || value === null) return ''
  const parts: string[] = []
  let ok = true
  if (t.max !== undefined) {
    parts.push(`≤ ${t.max} ${unit}`)
    ok &&= value <= t.max
  }
  if (t.rf !== undefined && rf) {
    parts.push(`≤ ${t.rf.toFixed(1)}× RF`)
    ok &&= value / rf <= t.rf
  }
  if (t.ex !== undefined && ex) {
    parts.push(`≤ ${t.ex.toFixed(1)}× Exc`)
    ok &&= value / ex <= t.ex
  }
  return `${parts.join(', ')} ${ok ? 'met' : 'MISSED'}`
}

/** One row: what, Orgboard, React Flow, Excalidraw, empty page, ratios, target. */
type Row = [string, string, string, string, string, string, string, string]

/** The printed table, one block per size; rows without a browser baseline show —. */
export function renderTable(summaries: SizeSummary[]): string {
  const head: Row = ['size · measure', 'Orgboard', 'React Flow', 'Excalidraw', 'empty page', '× RF', '× Exc', 'target']
  const rows: Row[] = []
  for (const { size, node, pages } of summaries) {
    const o = pages.orgboard
    const r = pages.reactflow
    const e = pages.excalidraw
    const z = pages.empty
    const n = size.name
    const page = (label: string, key: Exclude<keyof TargetSummary, 'pngExport'>, unit: string, digits: number, target?: Target_): void => {
      const v = o[key]
      const rv = r[key]
      const ev = e[key]
      rows.push([
        `${n} · ${label}`,
        fmt(v, digits),
        fmt(rv, digits),
        fmt(ev, digits),
        fmt(z[key], digits),
        ratio(v, rv),
        ratio(v, ev),
        verdict(target, v, rv, ev, unit)
      ])
    }
    const alone = (label: string, value: number | null, unit: string, target?: Target_, text?: string): void => {
      rows.push([`${n} · ${label}`, text ?? fmt(value), '—', '—', '—', '—', '—', text ? '' : verdict(target, value, null, null, unit)])
    }
    rows.push([`${n}: ${size.cards.toLocaleString('en')} cards, ${size.relations.toLocaleString('en')} relations`, '', '', '', '', '', '', ''])
    page('open to interactive, ms', 'openMs', 'ms', 0, targets.open?.[n])
    page('pan p50, ms', 'panP50', 'ms', 1)
    page('pan p95, ms', 'panP95', 'ms', 1, targets.pan?.[n])
    page('pan frames > 50 ms, per run', 'panLong', '', 1)
    page('pan frames a vsync late (> 20 ms), %', 'panLate', '%', 1)
    page('zoom p50, ms', 'zoomP50', 'ms', 1)
    page('zoom p95, ms', 'zoomP95', 'ms', 1, targets.pan?.[n])
    page('zoom frames > 50 ms, per run', 'zoomLong', '', 1)
    page('zoom frames a vsync late (> 20 ms), %', 'zoomLate', '%', 1)
    page('drag p95 input→frame, ms', 'dragP95', 'ms', 1, targets.drag?.[n])
    page('drag p95 input→card moved on screen, ms', 'dragShownP95', 'ms', 1)
    page('card renders per move', 'rendersPerMove', '', 2, targets.renders?.[n])
    page('JS heap after GC, MB', 'heapMB', 'MB', 1, targets.heap?.[n])
    alone('save (validate+serialise+safe write), ms', node.saveMs, 'ms', targets.save?.[n])
    alone('open (read+parse+validate), ms', node.openMs, 'ms', targets.fileOpen?.[n])
    alone(`undo move of ${node.movedCards.toLocaleString('en')} cards, ms`, node.undoMs, 'ms', targets.undo?.[n])
    alone(`redo move of ${node.movedCards.toLocaleString('en')} cards, ms`, node.redoMs, 'ms', targets.undo?.[n])
    alone('single edit in the store, ms', node.editMs, 'ms', targets.edit?.[n])
    alone('first edit after open, ms', node.firstEditMs, 'ms', targets.edit?.[n])
    if (n === 'M') {
      const png = o.pngExport
      // The exporter lowers the scale of a board too big for a 2× canvas (exportSettings' fittingScale): say so.
      const size = png ? ` (${png.width}×${png.height} px)` : ''
      alone(`PNG export at 2×, whole board${size}, ms`, png?.ms ?? null, 'ms', targets.png?.[n])
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (r: Row): string => r.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ').trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n')
}

/** With --compare: this build beside the candidate build, measure by measure (candidate ÷ this build). */
export function renderComparison(summaries: SizeSummary[]): string {
  const measures: [string, Exclude<keyof TargetSummary, 'pngExport'>, number][] = [
    ['open to interactive, ms', 'openMs', 0],
    ['pan p95, ms', 'panP95', 1],
    ['pan frames a vsync late, %', 'panLate', 1],
    ['zoom p95, ms', 'zoomP95', 1],
    ['zoom frames a vsync late, %', 'zoomLate', 1],
    ['drag p95 input→frame, ms', 'dragP95', 1],
    ['drag p95 input→card moved on screen, ms', 'dragShownP95', 1],
    ['card renders per move', 'rendersPerMove', 2],
    ['JS heap after GC, MB', 'heapMB', 1]
  ]
  const head = ['size · measure', 'this build', 'candidate', 'candidate ÷ this']
  const rows: string[][] = []
  for (const { size, pages } of summaries) {
    const c = pages.candidate
    if (!c) continue
    for (const [label, key, digits] of measures) {
      rows.push([`${size.name} · ${label}`, fmt(pages.orgboard[key], digits), fmt(c[key], digits), ratio(c[key], pages.orgboard[key])])
    }
    const [mine, theirs] = [pages.orgboard.pngExport?.ms, c.pngExport?.ms]
    if (mine !== undefined && theirs !== undefined) rows.push([`${size.name} · PNG export, ms`, fmt(mine, 0), fmt(theirs, 0), ratio(theirs, mine)])
  }
  if (!rows.length) return ''
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n')
}
