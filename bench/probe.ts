/**
 * Injected into every benchmarked page before its own scripts (Playwright
 * addInitScript), so all pages are measured by the same code. It only watches:
 * frames (requestAnimationFrame), input-to-frame latency, and React commits
 * through the hook React DevTools uses. No imports: it runs as a plain script.
 */

interface Fiber {
  tag: number
  type: unknown
  flags: number
  memoizedProps: Record<string, unknown> | null
  child: Fiber | null
  sibling: Fiber | null
  alternate: Fiber | null
}

/** A frame is idle when it follows the previous one within this time (one vsync and some slack). */
const IDLE_FRAME_MS = 25
/** React's PerformedWork flag: the component's function ran in this commit (a memo bail-out leaves it clear). */
const PERFORMED_WORK = 1

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve))

/** Resolves after the frame has been painted: a message posted from rAF runs once the frame's work is done. */
function afterPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    })
  )
}

let recording: number[] | null = null
function frameLoop(t: number): void {
  if (!recording) return
  recording.push(t)
  requestAnimationFrame(frameLoop)
}

// Renders of the card component, counted from React commits (production React keeps the flags).
let countRenders = false
let renders = 0
let cardType: string | null = null

/**
 * Counts the card components that rendered in this commit. A subtree React bailed out
 * of keeps its old fibers (with their old flags), so it is only entered when its
 * children were reconciled in this commit, as React DevTools does.
 */
function countCommit(root: Fiber): void {
  // A card may be drawn by a component and its inner parts, all with the node's props:
  // count each card once per commit, so the figure is "cards that re-rendered".
  const cards = new Set<unknown>()
  const stack: Fiber[] = [root]
  while (stack.length) {
    const f = stack.pop() as Fiber
    const p = f.memoizedProps
    if (typeof f.type === 'function' && (f.flags & PERFORMED_WORK) !== 0 && p && p.type === cardType && typeof p.data === 'object' && p.id) {
      cards.add(p.id)
    }
    if (f.alternate && f.child === f.alternate.child) continue
    for (let c = f.child; c; c = c.sibling) stack.push(c)
  }
  renders += cards.size
}

const w = window as unknown as Record<string, unknown>
if (!w.__REACT_DEVTOOLS_GLOBAL_HOOK__) {
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      if (countRenders) countCommit(root.current)
    },
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    setStrictMode: () => {}
  }
}

const probe = {
  nextFrame,
  afterPaint,

  /** Starts recording frame timestamps. */
  startFrames(): void {
    recording = []
    requestAnimationFrame(frameLoop)
  },
  /** Stops recording; returns the frames' timestamps, in ms (frameIntervals in stats.ts makes them intervals). */
  stopFrames(): number[] {
    const times = recording ?? []
    recording = null
    return times
  },

  /** Resolves once `count` frames in a row came within IDLE_FRAME_MS of each other; returns the time then. */
  async idleFrames(count = 2, timeoutMs = 30_000): Promise<number> {
    const start = performance.now()
    let last = await nextFrame()
    let run = 0
    while (run < count) {
      const t = await nextFrame()
      run = t - last <= IDLE_FRAME_MS ? run + 1 : 0
      last = t
      if (t - start > timeoutMs) break
    }
    return performance.now()
  },

  /**
   * Open to interactive: runs `start`, waits until `drawn()` holds (checked every frame),
   * then for two idle frames. Returns ms from `start`.
   */
  async measureOpen(start: () => unknown, drawn: () => boolean, timeoutMs = 60_000): Promise<number> {
    const t0 = performance.now()
    void start()
    while (!drawn()) {
      await nextFrame()
      if (performance.now() - t0 > timeoutMs) throw new Error('the board was not drawn in time')
    }
    const end = await probe.idleFrames(2)
    return end - t0
  },

  /** React Flow pages: some nodes are shown (React Flow hides a node inline until it has a size) and some edges drawn. */
  flowDrawn(): boolean {
    const node = document.querySelector('.react-flow__node') as HTMLElement | null
    return !!node && node.style.visibility !== 'hidden' && !!document.querySelector('.react-flow__edge path')
  },

  /**
   * The live viewport in React Flow terms: screen = pane origin + board point × zoom + (x, y),
   * and the size of the pane the page draws into (Orgboard's is narrower while a side panel shows).
   */
  viewport(): { x: number; y: number; zoom: number; left: number; top: number; width?: number; height?: number } {
    const bench = w.__bench as { viewport?: () => { x: number; y: number; zoom: number; left: number; top: number } } | undefined
    if (bench?.viewport) return bench.viewport()
    const pane = document.querySelector('.react-flow') as HTMLElement
    const vp = document.querySelector('.react-flow__viewport') as HTMLElement
    const m = new DOMMatrixReadOnly(getComputedStyle(vp).transform)
    const rect = pane.getBoundingClientRect()
    return { x: m.e, y: m.f, zoom: m.a, left: rect.left, top: rect.top, width: rect.width, height: rect.height }
  },

  /**
   * Where to grab a React Flow node to drag it: its header (Orgboard's kind label) when it has one,
   * as the middle of a card may be a button or list; else its middle. Null when it is not drawn.
   */
  grabPoint(id: string): { x: number; y: number } | null {
    const node = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
    if (!node) return null
    const r = (node.querySelector('.card__kind') ?? node).getBoundingClientRect()
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
  },

  /** Times each pointer move until the frame after it is painted. */
  latency: {
    samples: [] as number[],
    active: false,
    pending: null as number | null,
    start(): void {
      probe.latency.samples = []
      probe.latency.active = true
    },
    stop(): number[] {
      probe.latency.active = false
      return probe.latency.samples
    }
  },

  /**
   * Times each pointer move until the frame that shows the dragged node somewhere else has been
   * painted. `latency` stops at the next frame, whatever it shows: a page that puts off its work
   * past that frame looks fast there, and this tells. React Flow pages only (the node's element).
   */
  shown: {
    samples: [] as number[],
    active: false,
    node: null as HTMLElement | null,
    /** Moves not on screen yet, with the node's transform when each arrived. */
    pending: [] as { at: number; before: string }[],
    start(id: string): void {
      const shown = probe.shown
      shown.node = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      shown.samples = []
      shown.pending = []
      shown.active = shown.node !== null
      const frame = (): void => {
        if (!shown.active || !shown.node) return
        const now = shown.node.style.transform
        const moved = shown.pending.filter((p) => p.before !== now)
        if (moved.length > 0) {
          shown.pending = shown.pending.filter((p) => p.before === now)
          const channel = new MessageChannel() // after this frame's paint, as afterPaint
          channel.port1.onmessage = () => {
            const t = performance.now()
            for (const p of moved) shown.samples.push(t - p.at)
          }
          channel.port2.postMessage(null)
        }
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    },
    stop(): number[] | null {
      const shown = probe.shown
      const was = shown.active
      shown.active = false
      return was ? shown.samples : null
    }
  },

  /** Counts renders of the component receiving node props of this `type` (React Flow's node type). */
  startRenders(type: string): void {
    cardType = type
    renders = 0
    countRenders = true
  },
  stopRenders(): number {
    countRenders = false
    return renders
  }
}

// Capture phase, before the page's own handlers; event.timeStamp is when the input arrived.
window.addEventListener(
  'pointermove',
  (e) => {
    const s = probe.shown
    if (s.active && s.node) s.pending.push({ at: e.timeStamp, before: s.node.style.transform })
    const l = probe.latency
    if (!l.active || l.pending !== null) return
    l.pending = e.timeStamp
    void afterPaint().then((t) => {
      if (l.pending !== null) l.samples.push(t - l.pending)
      l.pending = null
    })
  },
  { capture: true }
)

w.__probe = probe
