import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Card, Relation } from '../../../shared/board'
import { relationLines } from '../../../shared/relationLines'
import { farStrokes, FORCED_SLICE_MS, IDLE_WAIT_MS, prepareFarStrokes, whenIdle, type Idle } from './farStrokes'
import { relationStrokes, StrokeBuilder } from './relationStrokes'
import { collectable } from '../../../shared/collectable.testing'

const card = (id: string, x: number): Card => ({ id, kind: 'note', title: id, x, y: 0, width: 200, height: 100, fields: {} })
const cards = [card('a', 0), card('b', 400), card('c', 800)]
const relations: Relation[] = [
  { id: 'ab', kind: 'dependsOn', from: 'a', to: 'b', label: '' },
  { id: 'bc', kind: 'blocks', from: 'b', to: 'c', label: '' }
]
const none = new Set<string>()

describe('farStrokes', () => {
  it('gives back the strokes made ahead for the same board, selection and highlights', () => {
    const ahead = farStrokes({ cards, relations, theme: 'light', selected: none, classes: new Map([['bc', 'edge--cycle']]) })
    // Another component's map of the same highlights.
    expect(farStrokes({ cards, relations, theme: 'light', selected: none, classes: new Map([['bc', 'edge--cycle']]) })).toBe(ahead)
  })

  it('makes them again when the board, the selection, the highlights or the theme differ', () => {
    const inputs = { cards, relations, theme: 'light' as const, selected: none, classes: new Map<string, string>() }
    const ahead = farStrokes(inputs)
    const moved = farStrokes({ ...inputs, cards: [card('a', 0), card('b', 400), card('c', 900)] })
    expect(moved).not.toBe(ahead)
    expect(moved.map((s) => s.lines).join('')).toContain('L900,50')
    const selected = farStrokes({ ...inputs, selected: new Set(['ab']) })
    expect(selected.some((s) => s.width > 2)).toBe(true)
    expect(farStrokes({ ...inputs, classes: new Map([['ab', 'edge--critical']]) })).not.toBe(selected)
    expect(farStrokes({ ...inputs, theme: 'dark' })).not.toBe(farStrokes(inputs))
  })
})

describe('prepareFarStrokes', () => {
  // 450 relations among 30 cards, some conditional, one to a card that is gone.
  const many = Array.from({ length: 30 }, (_, i) => card(`c${i}`, (i % 6) * 700 + i * 13))
  const lots: Relation[] = Array.from({ length: 450 }, (_, i) => ({
    id: `r${i}`,
    kind: i % 3 === 0 ? 'dependsOn' : 'drives',
    from: `c${i % 30}`,
    to: i === 7 ? 'gone' : `c${(i * 7 + 3) % 30}`,
    label: i % 5 === 0 ? 'if funded' : ''
  }))

  it('makes in idle slices the same strokes as at once, and farStrokes then gives them back', () => {
    const waiting: ((timeLeft: () => number) => void)[] = []
    // Each idle period has time for one slice: the second look at the clock finds none left.
    const idle: Idle = (work) => {
      waiting.push(work)
      return () => waiting.splice(waiting.indexOf(work), 1)
    }
    const inputs = { cards: many, relations: lots, theme: 'light' as const, selected: new Set(['r4']), classes: new Map([['r9', 'edge--cycle']]) }
    prepareFarStrokes(inputs, idle)
    let periods = 0
    while (waiting.length) {
      let looks = 0
      waiting.shift()!(() => (looks++ === 0 ? 10 : 0))
      periods++
    }
    expect(periods).toBe(9) // 50 a slice
    const prepared = farStrokes(inputs)
    expect(prepared).toEqual(relationStrokes(relationLines(many, lots), 'light', inputs.selected, inputs.classes))
    expect(farStrokes(inputs)).toBe(prepared)
  })

  it('does nothing once cancelled, or when the strokes are ready', () => {
    const waiting: ((timeLeft: () => number) => void)[] = []
    const idle: Idle = (work) => {
      waiting.push(work)
      return () => waiting.splice(waiting.indexOf(work), 1)
    }
    const inputs = { cards: many, relations: lots.slice(0, 300), theme: 'dark' as const, selected: new Set<string>(), classes: new Map<string, string>() }
    const cancel = prepareFarStrokes(inputs, idle)
    waiting.shift()!(() => 0) // no time: nothing done, asked again
    expect(waiting).toHaveLength(1)
    cancel()
    expect(waiting).toHaveLength(0)
    farStrokes(inputs)
    prepareFarStrokes(inputs, idle)
    expect(waiting).toHaveLength(0)
  })

  it('lets the builder go once the strokes are made, though React keeps the cancel', async () => {
    const waiting: ((timeLeft: () => number) => void)[] = []
    const idle: Idle = (work) => {
      waiting.push(work)
      return () => waiting.splice(waiting.indexOf(work), 1)
    }
    const inputs = { cards: many, relations: lots, theme: 'dark' as const, selected: none, classes: new Map<string, string>() }
    // Made in a function of its own, so that no variable of this test holds the builder.
    const start = (): { cancel: () => void; builder: WeakRef<StrokeBuilder> } => {
      const builder = new StrokeBuilder(inputs.theme, inputs.selected, inputs.classes)
      return { cancel: prepareFarStrokes(inputs, idle, builder), builder: new WeakRef(builder) }
    }
    const { cancel, builder } = start()
    waiting.shift()!(() => 10)
    expect(waiting).toHaveLength(0)
    expect(await collectable(builder)).toBe(true)
    cancel()
  })
})

describe('idle work', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  /** A stand-in requestIdleCallback that keeps the callback and its options, and a clock to move. */
  function browser(): { run(deadline: IdleDeadline): void; options: () => IdleRequestOptions | undefined; tick(ms: number): void } {
    let callback: IdleRequestCallback | null = null
    let options: IdleRequestOptions | undefined
    let now = 1000
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback, o?: IdleRequestOptions) => ((callback = cb), (options = o), 1))
    vi.stubGlobal('cancelIdleCallback', () => {})
    vi.spyOn(performance, 'now').mockImplementation(() => now)
    return { run: (deadline) => callback?.(deadline), options: () => options, tick: (ms) => void (now += ms) }
  }

  it('takes the idle period the browser gives', () => {
    const b = browser()
    const seen: number[] = []
    whenIdle((timeLeft) => seen.push(timeLeft()))
    b.run({ didTimeout: false, timeRemaining: () => 31 })
    expect(seen).toEqual([31])
  })

  it('does not wait for ever on a browser that is never idle: a short slice after IDLE_WAIT_MS', () => {
    const b = browser()
    const seen: number[] = []
    whenIdle((timeLeft) => {
      seen.push(timeLeft())
      b.tick(FORCED_SLICE_MS - 1)
      seen.push(timeLeft())
      b.tick(2)
      seen.push(timeLeft())
    })
    expect(b.options()).toEqual({ timeout: IDLE_WAIT_MS })
    // Timed out, the deadline has no time left: the work gets FORCED_SLICE_MS, then nothing.
    b.run({ didTimeout: true, timeRemaining: () => 0 })
    expect(seen).toEqual([FORCED_SLICE_MS, 1, -1])
  })
})
