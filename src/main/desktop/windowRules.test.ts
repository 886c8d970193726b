import { describe, expect, it } from 'vitest'
import { chooseWindowForFile, quitOrder, windowShowing, type WindowInfo } from './windowRules'

const win = (id: number, over: Partial<WindowInfo> = {}): WindowInfo => ({
  id,
  path: null,
  pendingPath: null,
  edited: false,
  focusedAt: id,
  ...over
})

describe('chooseWindowForFile', () => {
  const walls = '/boards/Walls.orgboard'

  it('opens a window when there is none', () => {
    expect(chooseWindowForFile(walls, [], 'linux')).toEqual({ kind: 'new' })
  })

  it('uses an untouched new board rather than leaving it behind', () => {
    expect(chooseWindowForFile(walls, [win(1)], 'linux')).toEqual({ kind: 'reuse', id: 1 })
    // …the most recently focused one, if there are several.
    expect(chooseWindowForFile(walls, [win(1, { focusedAt: 9 }), win(2, { focusedAt: 3 })], 'linux')).toEqual({ kind: 'reuse', id: 1 })
  })

  it('never replaces a board: a window with a file, unsaved changes or a file on its way gets left alone', () => {
    const busy = [win(1, { path: '/boards/Gardens.orgboard' }), win(2, { edited: true }), win(3, { pendingPath: '/boards/Teams.orgboard' })]
    expect(chooseWindowForFile(walls, busy, 'linux')).toEqual({ kind: 'new' })
  })

  it('brings the window that already shows the board to the front', () => {
    const windows = [win(1), win(2, { path: walls, edited: true }), win(3, { path: '/boards/Gardens.orgboard' })]
    expect(chooseWindowForFile(walls, windows, 'linux')).toEqual({ kind: 'focus', id: 2 })
  })

  it('counts a board on its way as shown (a second double-click before it loaded)', () => {
    expect(chooseWindowForFile(walls, [win(4, { pendingPath: walls })], 'linux')).toEqual({ kind: 'focus', id: 4 })
  })

  it('matches paths the way the platform does', () => {
    const windows = [win(1, { path: 'C:\\Boards\\Walls.orgboard' })]
    expect(chooseWindowForFile('c:\\boards\\WALLS.orgboard', windows, 'win32')).toEqual({ kind: 'focus', id: 1 })
    expect(chooseWindowForFile('/boards/walls.orgboard', [win(1, { path: walls })], 'linux')).toEqual({ kind: 'new' })
    expect(chooseWindowForFile('/boards/walls.orgboard', [win(1, { path: walls })], 'darwin')).toEqual({ kind: 'focus', id: 1 })
  })
})

describe('windowShowing', () => {
  it('leaves out the asking window, so reopening a board in its own window reloads it', () => {
    const windows = [win(1, { path: '/b/Walls.orgboard' }), win(2, { path: '/b/Walls.orgboard', focusedAt: 0 })]
    expect(windowShowing('/b/Walls.orgboard', windows, 'linux', 1)).toBe(2)
    expect(windowShowing('/b/Walls.orgboard', windows.slice(0, 1), 'linux', 1)).toBeNull()
  })
})

describe('quitOrder', () => {
  it('asks boards with unsaved changes first, most recently used first, then the rest', () => {
    const windows = [win(1, { focusedAt: 5 }), win(2, { edited: true, focusedAt: 1 }), win(3, { focusedAt: 7 }), win(4, { edited: true, focusedAt: 9 })]
    expect(quitOrder(windows)).toEqual([4, 2, 3, 1])
  })
})
