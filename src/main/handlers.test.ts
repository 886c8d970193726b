import fs, { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoardApiEvents, ConflictAnswer, DiscardAnswer } from '../shared/api'
import type { Board } from '../shared/board'
import { serializeBoard } from '../shared/serialize'
import { RecentBoards } from './desktop/recentBoards'
import { sampleBoard } from './files/sampleBoard'
import { createBoardHandlers, createBoardServices, RefusedPathError, type AppServices, type WindowHost } from './handlers'

/** Every store a window uses, in `profile` (recent list, recovery copies, versions), as the app keeps them in its user-data folder. */
function appServices(profile: string): AppServices {
  return { recent: new RecentBoards(join(profile, 'recent.json')), ...createBoardServices(profile) }
}

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
    confirmConflict: async (): Promise<ConflictAnswer> => 'cancel',
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
  let services: AppServices
  let walls: string
  let gardens: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orgboard-handlers-'))
    services = appServices(join(dir, 'profile'))
    recent = services.recent
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
    const handlers = createBoardHandlers(host, services)
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
    const handlers = createBoardHandlers(scriptedHost().host, services)
    handlers.offerPath(gardens)
    await expect(handlers.openPath({ path: walls })).rejects.toThrow(RefusedPathError)
    await expect(handlers.openPath({ path: '/etc/passwd' })).rejects.toThrow(RefusedPathError)
    expect(handlers.currentPath()).toBeNull()
  })

  it('sends offers at once while the renderer listens, and holds them again after a reload', async () => {
    const { host, sent } = scriptedHost()
    const handlers = createBoardHandlers(host, services)
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
    const handlers = createBoardHandlers(scriptedHost().host, services)
    await expect(handlers.openRecent({ path: walls })).rejects.toThrow(RefusedPathError)
    await recent.add(walls)
    expect(await handlers.openRecent({ path: walls })).toMatchObject({ status: 'opened', path: walls })
  })

  it('puts every board opened or saved at the top of the recent list', async () => {
    const copy = join(dir, 'Copy of walls.orgboard')
    const handlers = createBoardHandlers(scriptedHost({ open: [gardens], save: [copy] }).host, services)
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
    const handlers = createBoardHandlers(scriptedHost({ open: [gardens] }).host, services)
    expect(await handlers.openBoard()).toMatchObject({ status: 'failed', message: expect.stringMatching(/Gardens\.orgboard/) })
    expect(await handlers.listRecent()).toEqual([])
  })

  it('opens a dropped board file and explains anything else', async () => {
    const handlers = createBoardHandlers(scriptedHost().host, services)
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
    const handlers = createBoardHandlers(host, services)
    expect(await handlers.openBoard()).toEqual({ status: 'elsewhere', path: walls, name: 'Walls that just appeared' })
    expect(focused).toEqual([walls])
    expect(handlers.currentPath()).toBeNull()
  })

  it('asks the host for a new window', async () => {
    const script = scriptedHost()
    await createBoardHandlers(script.host, services).newWindow()
    expect(script.windowsOpened()).toBe(1)
  })
})

describe('conflicts, recovery copies and versions', () => {
  let dir: string
  let userData: string
  let file: string

  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'orgboard-handlers-'))
    userData = join(dir, 'user data')
    file = join(dir, 'Harbour & Pine offsite.orgboard')
  })

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true })
  })

  /** A window whose dialogs answer from queues, like the browser harness. */
  function scriptedWindow(services: AppServices = appServices(userData)) {
    const answers = { open: [] as (string | null)[], save: [] as (string | null)[], discard: [] as DiscardAnswer[], conflict: [] as ConflictAnswer[] }
    const log: string[] = []
    const take = <T>(queue: T[], what: string): T => {
      if (queue.length === 0) throw new Error(`unexpected ${what} dialog`)
      return queue.shift() as T
    }
    const host: WindowHost = {
      chooseOpenPath: async () => (log.push('open'), take(answers.open, 'open')),
      chooseSavePath: async () => (log.push('save'), take(answers.save, 'save')),
      confirmDiscard: async (name) => (log.push(`discard:${name}`), take(answers.discard, 'discard')),
      confirmConflict: async (name) => (log.push(`conflict:${name}`), take(answers.conflict, 'conflict')),
      chooseExportPath: async () => null,
      chooseImportPath: async () => null,
      setWindowState: () => {},
      close: () => log.push('close'),
      send: () => {},
      showElsewhere: () => false,
      newWindow: () => {}
    }
    return { handlers: createBoardHandlers(host, services), answers, log, services }
  }

  function renamed(board: Board, title: string): Board {
    return { ...board, cards: board.cards.map((c) => (c.id === 'ft-route' ? { ...c, title } : c)) }
  }

  /** Opens `file` in a fresh window. */
  async function opened(services?: AppServices) {
    const w = scriptedWindow(services)
    w.answers.open.push(file)
    const outcome = await w.handlers.openBoard()
    expect(outcome.status).toBe('opened')
    return w
  }

  describe('Save when the file changed on disk', () => {
    beforeEach(async () => {
      await fs.writeFile(file, serializeBoard(sampleBoard()))
    })

    it('saves without asking when nobody else touched the file', async () => {
      const w = await opened()
      expect(await w.handlers.saveBoard({ board: renamed(sampleBoard(), 'Mine'), saveAs: false })).toMatchObject({ status: 'saved' })
      expect(w.log).toEqual(['open'])
    })

    it('does not call identical bytes a conflict (a sync tool rewrote the same content)', async () => {
      const w = await opened()
      await fs.writeFile(file, serializeBoard(sampleBoard()))
      await fs.utimes(file, new Date(), new Date(Date.now() + 60_000))
      expect(await w.handlers.saveBoard({ board: renamed(sampleBoard(), 'Mine'), saveAs: false })).toMatchObject({ status: 'saved' })
      expect(w.log).toEqual(['open'])
    })

    it('asks, and cancel leaves both the file and the board as they are', async () => {
      const w = await opened()
      const theirs = serializeBoard(renamed(sampleBoard(), 'Theirs'))
      await fs.writeFile(file, theirs)
      w.answers.conflict.push('cancel')
      expect(await w.handlers.saveBoard({ board: renamed(sampleBoard(), 'Mine'), saveAs: false })).toEqual({ status: 'cancelled' })
      expect(w.log).toEqual(['open', 'conflict:Harbour & Pine offsite'])
      expect(await fs.readFile(file, 'utf8')).toBe(theirs)
    })

    it('overwrite replaces their version (kept as .bak), and the next save does not ask again', async () => {
      const w = await opened()
      const theirs = serializeBoard(renamed(sampleBoard(), 'Theirs'))
      await fs.writeFile(file, theirs)
      w.answers.conflict.push('overwrite')
      const mine = renamed(sampleBoard(), 'Mine')
      expect(await w.handlers.saveBoard({ board: mine, saveAs: false })).toMatchObject({ status: 'saved' })
      expect(await fs.readFile(file, 'utf8')).toBe(serializeBoard(mine))
      expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(theirs)
      expect(await w.handlers.saveBoard({ board: renamed(mine, 'Mine again'), saveAs: false })).toMatchObject({ status: 'saved' })
      expect(w.log).toEqual(['open', 'conflict:Harbour & Pine offsite'])
    })

    it('save as writes a new file and leaves theirs alone', async () => {
      const w = await opened()
      const theirs = serializeBoard(renamed(sampleBoard(), 'Theirs'))
      await fs.writeFile(file, theirs)
      const copy = join(dir, 'Offsite (mine).orgboard')
      w.answers.conflict.push('saveAs')
      w.answers.save.push(copy)
      expect(await w.handlers.saveBoard({ board: renamed(sampleBoard(), 'Mine'), saveAs: false })).toMatchObject({ status: 'saved', path: copy, name: 'Offsite (mine)' })
      expect(await fs.readFile(file, 'utf8')).toBe(theirs)
      expect(w.handlers.currentPath()).toBe(copy)
    })

    it('reload returns the board on disk, and keeps the unsaved board as a previous version', async () => {
      const w = await opened()
      const theirs = renamed(sampleBoard(), 'Theirs')
      await fs.writeFile(file, serializeBoard(theirs))
      w.answers.conflict.push('reload')
      const mine = renamed(sampleBoard(), 'Mine, unsaved')
      const outcome = await w.handlers.saveBoard({ board: mine, saveAs: false })
      expect(outcome).toMatchObject({ status: 'reloaded', board: theirs, name: 'Harbour & Pine offsite', warnings: [] })
      expect(await fs.readFile(file, 'utf8')).toBe(serializeBoard(theirs))
      const versions = await w.handlers.listVersions()
      expect(versions).toHaveLength(1)
      expect(await w.handlers.readVersion({ id: versions[0]!.id })).toMatchObject({ status: 'read', board: mine })
      // Reloaded: the file as it is now is the base, so saving again does not ask.
      expect(await w.handlers.saveBoard({ board: theirs, saveAs: false })).toMatchObject({ status: 'saved' })
      expect(w.log).toEqual(['open', 'conflict:Harbour & Pine offsite'])
    })

    it('recreates a file deleted while open, with a notice', async () => {
      const w = await opened()
      await fs.rm(file)
      const outcome = await w.handlers.saveBoard({ board: sampleBoard(), saveAs: false })
      expect(outcome).toEqual({
        status: 'saved',
        path: file,
        name: 'Harbour & Pine offsite',
        notices: [`"Harbour & Pine offsite" had been deleted or moved since it was opened, so Orgboard saved it again at ${file}.`]
      })
      expect(await fs.readFile(file, 'utf8')).toBe(serializeBoard(sampleBoard()))
    })

    it('reports a folder that is gone as a failure that keeps the board open', async () => {
      const w = scriptedWindow()
      const gone = join(dir, 'USB stick', 'plan.orgboard')
      await fs.mkdir(join(dir, 'USB stick'))
      w.answers.save.push(gone)
      await w.handlers.saveBoard({ board: sampleBoard(), saveAs: true })
      await fs.rm(join(dir, 'USB stick'), { recursive: true })
      const outcome = await w.handlers.saveBoard({ board: sampleBoard(), saveAs: false })
      expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('no longer exists') })
      expect(w.handlers.currentPath()).toBe(gone)
    })
  })

  describe('recovery copies', () => {
    const recoveryFiles = async () => (await fs.readdir(join(userData, 'Recovery')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'))

    it('are written to the user-data folder, never beside the board, and dropped on save', async () => {
      await fs.writeFile(file, serializeBoard(sampleBoard()))
      const w = await opened()
      await w.handlers.saveRecovery({ board: renamed(sampleBoard(), 'Unsaved'), name: 'Harbour & Pine offsite', changedAt: Date.now() })
      expect(await recoveryFiles()).toHaveLength(1)
      expect(await fs.readFile(file, 'utf8')).toBe(serializeBoard(sampleBoard()))
      expect(await fs.readdir(dir)).not.toContain(expect.stringMatching(/recovery/i))
      await w.handlers.saveBoard({ board: renamed(sampleBoard(), 'Unsaved'), saveAs: false })
      expect(await recoveryFiles()).toEqual([])
    })

    it("of a live window are not offered to another window of the same app; a crashed app's are", async () => {
      const services = appServices(userData)
      const a = scriptedWindow(services)
      const b = scriptedWindow(services)
      await a.handlers.saveRecovery({ board: sampleBoard(), name: 'Untitled', changedAt: 1_700_000_000_000 })
      expect(await b.handlers.listRecovery()).toEqual([])

      // The app dies: a new app start (new services) finds the copy.
      const next = scriptedWindow(appServices(userData))
      const entries = await next.handlers.listRecovery()
      expect(entries).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Untitled', path: null, changedAt: 1_700_000_000_000, cards: 10 }])
      const restored = await next.handlers.restoreRecovery({ id: entries[0]!.id })
      expect(restored).toEqual({ status: 'restored', name: 'Untitled', path: null, board: sampleBoard(), warnings: [] })
      // Restored: it is this window's copy now, so another window does not see it, and saving drops it.
      expect(await scriptedWindow(next.services).handlers.listRecovery()).toEqual([])
      next.answers.save.push(file)
      await next.handlers.saveBoard({ board: sampleBoard(), saveAs: false })
      expect(await recoveryFiles()).toEqual([])
    })

    it('remember the file and what it was when opened, so Save after a restore still notices a conflict', async () => {
      await fs.writeFile(file, serializeBoard(sampleBoard()))
      const before = await opened()
      await before.handlers.saveRecovery({ board: renamed(sampleBoard(), 'Unsaved'), name: 'Harbour & Pine offsite', changedAt: Date.now() })
      await fs.writeFile(file, serializeBoard(renamed(sampleBoard(), 'Changed by a colleague meanwhile')))

      const after = scriptedWindow(appServices(userData))
      const [entry] = await after.handlers.listRecovery()
      expect(entry).toMatchObject({ name: 'Harbour & Pine offsite', path: file })
      expect(await after.handlers.restoreRecovery({ id: entry!.id })).toMatchObject({ status: 'restored', path: file })
      after.answers.conflict.push('cancel')
      expect(await after.handlers.saveBoard({ board: renamed(sampleBoard(), 'Unsaved'), saveAs: false })).toEqual({ status: 'cancelled' })
      expect(after.log).toEqual(['conflict:Harbour & Pine offsite'])
    })

    it('are deleted on request, and closing a window drops its own', async () => {
      const first = scriptedWindow()
      await first.handlers.saveRecovery({ board: sampleBoard(), name: 'Untitled', changedAt: 1 })
      const next = scriptedWindow(appServices(userData))
      const [entry] = await next.handlers.listRecovery()
      await next.handlers.deleteRecovery({ id: entry!.id })
      expect(await recoveryFiles()).toEqual([])

      await next.handlers.saveRecovery({ board: sampleBoard(), name: 'Untitled', changedAt: 2 })
      expect(await recoveryFiles()).toHaveLength(1)
      await next.handlers.closeWindow()
      expect(await recoveryFiles()).toEqual([])
    })

    it('write and discard in the order asked, even when a write is slow', async () => {
      const w = scriptedWindow()
      const big = { ...sampleBoard(), cards: Array.from({ length: 3000 }, (_, i) => ({ ...sampleBoard().cards[1]!, id: `c${i}` })), relations: [] }
      const writing = w.handlers.saveRecovery({ board: big, name: 'Untitled', changedAt: 1 })
      const discarding = w.handlers.discardRecovery()
      await Promise.all([writing, discarding])
      expect(await recoveryFiles()).toEqual([])
    })

    it('keep even a board a bug made invalid, and repair it on restore: nothing is lost', async () => {
      const w = scriptedWindow()
      const bad = { ...sampleBoard(), cards: [{ ...sampleBoard().cards[1]!, width: -1 }], relations: [] }
      await w.handlers.saveRecovery({ board: bad, name: 'Offsite', changedAt: 1 })
      const next = scriptedWindow(appServices(userData))
      const [entry] = await next.handlers.listRecovery()
      const restored = await next.handlers.restoreRecovery({ id: entry!.id })
      expect(restored).toMatchObject({ status: 'restored', board: { cards: [{ id: 'ft-route', width: 240 }] } })
      expect(restored.status === 'restored' && restored.warnings[0]).toMatch(/^Reset 1 position or size/)
    })

    it('refuse what cannot be written at all (the renderer is untrusted)', async () => {
      const w = scriptedWindow()
      await expect(w.handlers.saveRecovery({ board: { format: 'orgboard' } as unknown as Board, name: 'x', changedAt: 1 })).rejects.toThrow(/could not be serialised/)
      expect(await recoveryFiles()).toEqual([])
    })

    it('skip unreadable files without deleting them', async () => {
      await fs.mkdir(join(userData, 'Recovery'), { recursive: true })
      const junk = join(userData, 'Recovery', `${'a'.repeat(32)}.json`)
      await fs.writeFile(junk, '{"format": "orgboard-recovery", "version": 1, "board": 3')
      expect(await scriptedWindow().handlers.listRecovery()).toEqual([])
      expect(await fs.readFile(junk, 'utf8')).toContain('orgboard-recovery')
    })
  })

  describe('previous versions', () => {
    it('lists earlier saves newest first, without the one that is the file now', async () => {
      const w = scriptedWindow()
      w.answers.save.push(file)
      const versions = ['First draft', 'After the break', 'Final'].map((t) => renamed(sampleBoard(), t))
      for (const board of versions) await w.handlers.saveBoard({ board, saveAs: false })
      const list = await w.handlers.listVersions()
      expect(list.map((v) => v.cards)).toEqual([10, 10])
      expect(await w.handlers.readVersion({ id: list[0]!.id })).toMatchObject({ status: 'read', board: versions[1] })
      expect(await w.handlers.readVersion({ id: list[1]!.id })).toMatchObject({ status: 'read', board: versions[0] })
      expect(list[0]!.savedAt).toBeGreaterThan(list[1]!.savedAt)
    })

    it('has none for a board without a file', async () => {
      const w = scriptedWindow()
      expect(await w.handlers.listVersions()).toEqual([])
      expect(await w.handlers.readVersion({ id: '1700000000000-1-abcdef01' })).toMatchObject({ status: 'failed' })
    })
  })
})
