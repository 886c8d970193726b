import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecentBoards } from './desktop/recentBoards'
import { createBoardHandlers, createBoardServices, type AppServices, type WindowHost } from './handlers'

const templatesDir = join(__dirname, '../../resources/templates')

/** A window whose save dialog answers with `answers`, recording what it suggested. */
function host(answers: string[]): WindowHost & { suggested: string[] } {
  const suggested: string[] = []
  return {
    suggested,
    chooseOpenPath: async () => null,
    chooseSavePath: async (name) => (suggested.push(name), answers.shift() ?? null),
    chooseExportPath: async () => null,
    confirmDiscard: async () => 'discard',
    confirmConflict: async () => 'cancel',
    setWindowState: () => undefined,
    close: () => undefined,
    send: () => undefined,
    showElsewhere: () => false,
    newWindow: () => undefined,
    chooseImportPath: async () => null
  }
}

describe('templates behind boardApi', () => {
  let dir: string
  let services: AppServices
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orgboard-template-handlers-'))
    services = { recent: new RecentBoards(join(dir, 'profile', 'recent.json')), ...createBoardServices(join(dir, 'profile')) }
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('opens a template as a board without a file: Save asks where, suggesting the template name', async () => {
    const target = join(dir, 'Q3 workshop.orgboard')
    const window = host([target])
    const handlers = createBoardHandlers(window, services, { templatesDir })
    const template = await readFile(join(templatesDir, 'team-context.orgboard'), 'utf8')

    const opened = await handlers.openTemplate({ id: 'team-context' })
    if (opened.status !== 'opened') throw new Error(opened.message)
    expect(handlers.currentPath()).toBeNull()
    const saved = await handlers.saveBoard({ board: opened.board, saveAs: false })
    expect(saved).toEqual({ status: 'saved', path: target, name: 'Q3 workshop' })
    expect(window.suggested).toEqual(['Team context model'])
    expect(await readFile(target, 'utf8')).toBe(template)
    expect(await readFile(join(templatesDir, 'team-context.orgboard'), 'utf8')).toBe(template)
  })

  it('forgets the file of the board open before', async () => {
    const first = join(dir, 'first.orgboard')
    const handlers = createBoardHandlers(host([first]), services, { templatesDir })
    const blank = await handlers.openTemplate({ id: 'blank' })
    if (blank.status !== 'opened') throw new Error(blank.message)
    await handlers.saveBoard({ board: blank.board, saveAs: false })
    expect(handlers.currentPath()).toBe(first)
    await handlers.openTemplate({ id: 'dependency-path' })
    expect(handlers.currentPath()).toBeNull()
  })

  it('keeps the window’s file when the template is unknown', async () => {
    const first = join(dir, 'first.orgboard')
    const handlers = createBoardHandlers(host([first]), services, { templatesDir })
    const blank = await handlers.openTemplate({ id: 'blank' })
    if (blank.status !== 'opened') throw new Error(blank.message)
    await handlers.saveBoard({ board: blank.board, saveAs: false })
    expect(await handlers.openTemplate({ id: 'no-such-template' })).toEqual({ status: 'failed', message: 'There is no template "no-such-template".' })
    expect(handlers.currentPath()).toBe(first)
  })

  it('lists the templates, and says so plainly when there is no templates folder', async () => {
    const listed = await createBoardHandlers(host([]), services, { templatesDir }).listTemplates()
    expect(listed.status === 'listed' && listed.templates.map((t) => t.name)).toContain('Dependency path')
    expect(await createBoardHandlers(host([]), services).listTemplates()).toEqual({ status: 'failed', message: 'This copy of Orgboard has no templates folder.' })
  })
})
