import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoardApiEvents, DiscardAnswer } from '../shared/api'
import { serializeBoard } from '../shared/serialize'
import { RecentBoards } from './desktop/recentBoards'
import { sampleBoard } from './files/sampleBoard'
import { createBoardHandlers, RefusedPathError, type WindowHost } from './handlers'

/**
 * One window's handlers on a real temporary folder, with a host that answers
 * dialogs from a script and records what it was asked (as the browser harness does).
 */
function scriptedHost(answers: { open?: (string | null)[]; save?: (string | null)[]; elsewhere?: string[] } = {}) {
  const sent: { event: keyof BoardApiEvents; payload: unknown }[] = []
  const focused: string[] = []
  let windowsOpened = 0
  const host: WindowHost = {
    chooseOpenPath: async () => answers.open?.shift() ?? null,
    chooseSavePath: async () => answers.save?.shift() ?? null,
    chooseExportPath: async () => null,
    confirmDiscard: async (): Promise<DiscardAnswer> => 'cancel',
    setWindowState: () => undefined,
    close: () => undefined,
    send: (event, payload) => void sent.push({ event, payload }),
    showElsewhere: (path) => {
      if (!answers.elsewhere?.includes(path)) return false
      focused.push(path)
      return true
    },
    newWindow: () => void windowsOpened++,
    chooseImportPath: async () => null
  }
  return { host, sent, focused, windowsOpened: () => windowsOpened }
}

describe('board handlers', () => {
  let dir: string
  let recent: RecentBoards
  let walls: string
  let gardens: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orgboard-handlers-'))
    recent = new RecentBoards(join(dir, 'profile', 'recent.json'))
    walls = join(dir, 'Walls that just appeared.orgboard')
    gardens = join(dir, 'Gardens.orgboard')
    await writeFile(walls, serializeBoard(sampleBoard()))
    await writeFile(gardens, serializeBoard(sampleBoard()))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('holds an offered file until the renderer listens, then lets it open exactly that path, once', async () => {
    const { host, sent } = scriptedHost()
    const handlers = createBoardHandlers(host, { recent })
    handlers.offerPath(walls)
    expect(sent).toEqual([])
    expect(handlers.offeredPaths()).toEqual([walls])

    await handlers.rendererReady()
    expect(sent).toEqual([{ event: 'openFile', payload: { path: walls } }])
    const outcome = await handlers.openPath({ path: walls })
    expect(outcome).toMatchObject({ status: 'opened', name: 'Walls that just appeared' })
    expect(handlers.currentPath()).toBe(walls)
    expect(handlers.offeredPaths()).toEqual([])
    await expect(handlers.openPath({ path: walls })).rejects.toThrow(RefusedPathError)
  })

  it('refuses to open a path nobody offered, and reads nothing', async () => {
    const handlers = createBoardHandlers(scriptedHost().host, { recent })
    handlers.offerPath(gardens)
    await expect(handlers.openPath({ path: walls })).rejects.toThrow(RefusedPathError)
    await expect(handlers.openPath({ path: '/etc/passwd' })).rejects.toThrow(RefusedPathError)
    expect(handlers.currentPath()).toBeNull()
  })

  it('sends offers at once while the renderer listens, and holds them again after a reload', async () => {
    const { host, sent } = scriptedHost()
    const handlers = createBoardHandlers(host, { recent })
    await handlers.rendererReady()
    handlers.offerPath(walls)
    expect(sent).toHaveLength(1)
    handlers.rendererGone()
    handlers.offerPath(gardens)
    expect(sent).toHaveLength(1)
    await handlers.rendererReady()
    expect(sent.map((s) => s.payload)).toEqual([{ path: walls }, { path: gardens }])
  })

  it('opens from the recent list only what is on it', async () => {
    const handlers = createBoardHandlers(scriptedHost().host, { recent })
    await expect(handlers.openRecent({ path: walls })).rejects.toThrow(RefusedPathError)
    await recent.add(walls)
    expect(await handlers.openRecent({ path: walls })).toMatchObject({ status: 'opened', path: walls })
  })

  it('puts every board opened or saved at the top of the recent list', async () => {
    const copy = join(dir, 'Copy of walls.orgboard')
    const handlers = createBoardHandlers(scriptedHost({ open: [gardens], save: [copy] }).host, { recent })
    handlers.offerPath(walls)
    await handlers.openPath({ path: walls })
    await handlers.openBoard()
    await handlers.saveBoard({ board: sampleBoard(), saveAs: true })
    expect((await handlers.listRecent()).map((b) => b.name)).toEqual(['Copy of walls', 'Gardens', 'Walls that just appeared'])

    await rm(gardens)
    expect(await handlers.removeRecent({ path: walls })).toEqual([
      expect.objectContaining({ name: 'Copy of walls', missing: false }),
      expect.objectContaining({ name: 'Gardens', missing: true })
    ])
    expect(await handlers.clearRecent()).toEqual([])
  })

  it('does not add a board that failed to open', async () => {
    await writeFile(gardens, 'meeting notes, not a board')
    const handlers = createBoardHandlers(scriptedHost({ open: [gardens] }).host, { recent })
    expect(await handlers.openBoard()).toMatchObject({ status: 'failed', message: expect.stringMatching(/Gardens\.orgboard/) })
    expect(await handlers.listRecent()).toEqual([])
  })

  it('opens a dropped board file and explains anything else', async () => {
    const handlers = createBoardHandlers(scriptedHost().host, { recent })
    expect(await handlers.openDropped({ path: walls })).toMatchObject({ status: 'opened', path: walls })
    const photo = join(dir, 'Whiteboard photo.png')
    await writeFile(photo, 'png')
    expect(await handlers.openDropped({ path: photo })).toEqual({
      status: 'failed',
      path: photo,
      message: 'Could not open "Whiteboard photo.png": Orgboard opens board files (.orgboard).'
    })
    expect(await handlers.openDropped({ path: dir + '.orgboard' })).toMatchObject({ status: 'failed', message: expect.stringMatching(/does not exist/) })
    await expect(handlers.openDropped({ path: 'relative/Walls.orgboard' })).rejects.toThrow(RefusedPathError)
    expect(handlers.currentPath()).toBe(walls)
  })

  it('brings the window that already shows a board to the front instead of opening it twice', async () => {
    const { host, focused } = scriptedHost({ open: [walls], elsewhere: [walls] })
    const handlers = createBoardHandlers(host, { recent })
    expect(await handlers.openBoard()).toEqual({ status: 'elsewhere', path: walls, name: 'Walls that just appeared' })
    expect(focused).toEqual([walls])
    expect(handlers.currentPath()).toBeNull()
  })

  it('asks the host for a new window', async () => {
    const script = scriptedHost()
    await createBoardHandlers(script.host, { recent }).newWindow()
    expect(script.windowsOpened()).toBe(1)
  })
})
