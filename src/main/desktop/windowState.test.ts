import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CASCADE_STEP,
  MAX_REMEMBERED_BOARDS,
  parseWindowStateFile,
  placeWindow,
  rememberWindow,
  savedWindowFor,
  WindowStateStore,
  type Rect,
  type SavedWindow,
  type WindowStateFile
} from './windowState'

const sizes = { width: 1280, height: 800, minWidth: 900, minHeight: 600 }
/** A laptop screen (menu bar at the top) and an external monitor to its right. */
const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 }
const monitor: Rect = { x: 1440, y: 0, width: 2560, height: 1400 }
const saved = (bounds: Rect, maximized = false): SavedWindow => ({ bounds, maximized })

describe('placeWindow', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(placeWindow(null, [laptop], laptop, [], sizes)).toEqual({
      bounds: { x: 80, y: 63, width: 1280, height: 800 },
      maximized: false
    })
  })

  it('puts a window back exactly where it was, maximised or not', () => {
    const place = saved({ x: 1600, y: 100, width: 1800, height: 1100 }, true)
    expect(placeWindow(place, [laptop, monitor], laptop, [], sizes)).toEqual(place)
  })

  it('brings a window from a monitor that is gone back to the primary display, keeping what fits of its size', () => {
    const onMonitor = saved({ x: 1600, y: 100, width: 1800, height: 1100 }, true)
    expect(placeWindow(onMonitor, [laptop], laptop, [], sizes)).toEqual({
      bounds: { x: 0, y: 25, width: 1440, height: 875 },
      maximized: true
    })
    const small = saved({ x: 3000, y: 900, width: 1000, height: 700 })
    expect(placeWindow(small, [laptop], laptop, [], sizes).bounds).toEqual({ x: 220, y: 113, width: 1000, height: 700 })
  })

  it('moves a window hanging off the edge fully onto the display that shows most of it', () => {
    const hanging = saved({ x: 1000, y: -200, width: 1280, height: 800 })
    // 440 px on the laptop, 840 px on the monitor: the monitor wins.
    expect(placeWindow(hanging, [laptop, monitor], laptop, [], sizes).bounds).toEqual({ x: 1440, y: 0, width: 1280, height: 800 })
    const offBottom = saved({ x: 100, y: 700, width: 1000, height: 700 })
    expect(placeWindow(offBottom, [laptop], laptop, [], sizes).bounds).toEqual({ x: 100, y: 200, width: 1000, height: 700 })
  })

  it('shrinks a window larger than its display, but not below the minimum size', () => {
    const huge = saved({ x: 0, y: 25, width: 5000, height: 3000 })
    expect(placeWindow(huge, [laptop], laptop, [], sizes).bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 })
    const tinyScreen: Rect = { x: 0, y: 0, width: 800, height: 500 }
    expect(placeWindow(saved({ x: 0, y: 0, width: 400, height: 300 }), [tinyScreen], tinyScreen, [], sizes).bounds).toMatchObject({
      width: 900,
      height: 600
    })
  })

  it('cascades a window that would open exactly on top of another', () => {
    const place = saved({ x: 100, y: 60, width: 1000, height: 700 })
    const second = placeWindow(place, [laptop], laptop, [{ x: 100, y: 60 }], sizes)
    expect(second.bounds).toMatchObject({ x: 100 + CASCADE_STEP, y: 60 + CASCADE_STEP })
    const third = placeWindow(place, [laptop], laptop, [{ x: 100, y: 60 }, second.bounds], sizes)
    expect(third.bounds).toMatchObject({ x: 100 + 2 * CASCADE_STEP, y: 60 + 2 * CASCADE_STEP })
    // Two first-time windows do not stack either.
    const first = placeWindow(null, [laptop], laptop, [], sizes)
    expect(placeWindow(null, [laptop], laptop, [first.bounds], sizes).bounds).toMatchObject({ x: first.bounds.x + CASCADE_STEP })
  })

  it('starts again at the top-left when cascading would leave the display', () => {
    const corner = saved({ x: 440, y: 100, width: 1000, height: 800 })
    const placed = placeWindow(corner, [laptop], laptop, [{ x: 440, y: 100 }], sizes)
    expect(placed.bounds).toMatchObject({ x: laptop.x, y: laptop.y })
  })
})

describe('window-state.json', () => {
  const walls = '/boards/Walls.orgboard'
  const place = saved({ x: 10, y: 40, width: 1000, height: 700 })

  it('remembers each board and the last window', () => {
    let state: WindowStateFile = { version: 1, last: null, boards: [] }
    state = rememberWindow(state, place, walls, 'linux')
    const untitled = saved({ x: 300, y: 80, width: 1100, height: 750 }, true)
    state = rememberWindow(state, untitled, null, 'linux')
    expect(savedWindowFor(state, walls, 'linux')).toEqual(place)
    expect(savedWindowFor(state, null, 'linux')).toEqual(untitled)
    // A board never seen opens where the last window was.
    expect(savedWindowFor(state, '/boards/Gardens.orgboard', 'linux')).toEqual(untitled)
    expect(savedWindowFor(rememberWindow(state, place, 'C:\\B\\Walls.orgboard', 'win32'), 'c:\\b\\WALLS.orgboard', 'win32')).toEqual(place)
  })

  it(`forgets the oldest board after ${MAX_REMEMBERED_BOARDS}`, () => {
    let state: WindowStateFile = { version: 1, last: null, boards: [] }
    for (let i = 0; i <= MAX_REMEMBERED_BOARDS; i++) state = rememberWindow(state, place, `/b/${i}.orgboard`, 'linux')
    expect(state.boards).toHaveLength(MAX_REMEMBERED_BOARDS)
    expect(state.boards[0]?.path).toBe(`/b/${MAX_REMEMBERED_BOARDS}.orgboard`)
    expect(state.boards.some((b) => b.path === '/b/0.orgboard')).toBe(false)
  })

  it('keeps only places that make sense', () => {
    const value = {
      last: { bounds: { x: 0, y: 0, width: -5, height: 600 } },
      boards: [
        { path: walls, window: { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: 'yes' } },
        { path: '/b/nan.orgboard', window: { bounds: { x: 'a', y: 2, width: 1000, height: 700 } } },
        { path: '/b/far.orgboard', window: { bounds: { x: 1e9, y: 2, width: 1000, height: 700 } } },
        { window: { bounds: { x: 1, y: 2, width: 1000, height: 700 } } }
      ]
    }
    expect(parseWindowStateFile(value)).toEqual({
      version: 1,
      last: null,
      boards: [{ path: walls, window: { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false } }]
    })
    expect(parseWindowStateFile('nonsense')).toEqual({ version: 1, last: null, boards: [] })
  })

  describe('WindowStateStore', () => {
    let dir: string
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'orgboard-places-'))
    })
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true })
    })

    it('survives a restart, and a damaged file', async () => {
      const file = join(dir, 'window-state.json')
      const store = new WindowStateStore(file, 'linux')
      await store.load()
      expect(store.savedFor(walls)).toBeNull()
      await store.remember(place, walls)
      const again = new WindowStateStore(file, 'linux')
      await again.load()
      expect(again.savedFor(walls)).toEqual(place)

      await writeFile(file, '{"last": {"bounds"')
      const problems: string[] = []
      const damaged = new WindowStateStore(file, 'linux', (m) => problems.push(m))
      await damaged.load()
      expect(damaged.savedFor(walls)).toBeNull()
      expect(problems).toEqual([expect.stringMatching(/not valid JSON/)])
      await damaged.remember(place, null)
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, last: place })
    })
  })
})
