import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyBoard } from '../../shared/board'
import { parseBoardText } from '../../shared/load'
import { presentationOrder } from '../../shared/presentation'
import { serializeBoard } from '../../shared/serialize'
import { listTemplates, readTemplate, readTemplateIndex, TEMPLATE_INDEX } from './templates'

const folder = join(__dirname, '../../../resources/templates')

async function shipped(file: string) {
  const result = parseBoardText(await readFile(join(folder, file), 'utf8'))
  if (!result.ok) throw new Error(`${file}: ${result.problem} at ${result.where}`)
  return result.board
}

describe('shipped templates', async () => {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.orgboard'))

  it('there are templates to ship', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  for (const file of files) {
    it(`${file} is a valid board, saved in the stable format`, async () => {
      const text = await readFile(join(folder, file), 'utf8')
      const result = parseBoardText(text)
      if (!result.ok) throw new Error(`${file}: ${result.problem} at ${result.where}`)
      expect(serializeBoard(result.board)).toBe(text)
    })
  }

  it('the index names and describes every template file, and only those', async () => {
    const index = await readTemplateIndex(folder)
    if (!index.ok) throw new Error(index.message)
    expect(index.entries.map((e) => `${e.id}.orgboard`).sort()).toEqual([...files].sort())
    expect(index.entries[0]?.id).toBe('blank')
    for (const entry of index.entries) expect(entry.description).toMatch(/\.$/)
  })

  it('the blank template is exactly the board File > New makes', async () => {
    expect(await readFile(join(folder, 'blank.orgboard'), 'utf8')).toBe(serializeBoard(emptyBoard()))
  })

  it('every other template carries its workshop prompts as question notes', async () => {
    for (const file of files.filter((f) => f !== 'blank.orgboard')) {
      const board = await shipped(file)
      const prompts = board.cards.filter((c) => c.kind === 'note' && c.title.trim().endsWith('?'))
      expect(prompts.length, file).toBeGreaterThanOrEqual(2)
    }
  })

  it('the dependency path runs through phases, with a conditional step and a wall on the way', async () => {
    const board = await shipped('dependency-path.orgboard')
    expect(presentationOrder(board.cards).map((s) => s.title)).toEqual([
      'Phase 1: foundations',
      'Phase 2: prediction and identity',
      'Phase 3: dispatch and renewals',
      'Phase 4: optimise routes'
    ])
    const conditional = board.relations.filter((r) => r.kind === 'dependsOn' && r.label)
    expect(conditional.map((r) => r.label)).toEqual(['only if the pilot with two customers succeeds'])
    expect(board.relations.some((r) => r.kind === 'blocks')).toBe(true)
  })

  it('the drivers, constraints and floats canvas is about one initiative', async () => {
    const board = await shipped('drivers-constraints-floats.orgboard')
    const initiatives = board.cards.filter((c) => c.kind === 'initiative')
    expect(initiatives.map((c) => c.title)).toEqual(['Cut onboarding time from 6 weeks to 2'])
    const kinds = board.relations.filter((r) => r.to === initiatives[0]?.id).map((r) => r.kind)
    expect(new Set(kinds)).toEqual(new Set(['drives', 'constrains']))
  })

  it('the team context model puts every team in a context frame', async () => {
    const board = await shipped('team-context.orgboard')
    const teams = board.cards.filter((c) => c.kind === 'team')
    expect(teams.length).toBe(5)
    const frames = new Map(board.cards.filter((c) => c.kind === 'frame').map((f) => [f.id, f]))
    for (const team of teams) expect(frames.has(team.container ?? ''), team.title).toBe(true)
  })
})

describe('template service', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orgboard-templates-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const index = (entries: unknown) => writeFile(join(dir, TEMPLATE_INDEX), JSON.stringify(entries))
  const entry = (id: string) => ({ id, name: `Name of ${id}`, description: 'What the room does with it.' })

  it('lists the shipped templates in index order, each with a thumbnail of its cards', async () => {
    const list = await listTemplates(folder)
    if (list.status !== 'listed') throw new Error(list.message)
    expect(list.problems).toEqual([])
    expect(list.templates.map((t) => t.id)).toEqual(['blank', 'freight-trains-and-gardens', 'drivers-constraints-floats', 'dependency-path', 'team-context'])
    const path = list.templates.find((t) => t.id === 'dependency-path')
    expect(path?.preview.shapes.length).toBe((await shipped('dependency-path.orgboard')).cards.length)
    expect(path?.preview.lines.length).toBeGreaterThan(0)
    // Containers first, so they draw under the cards they hold.
    expect(path?.preview.shapes[0]?.kind).toBe('frame')
  })

  it('opens a template by id, with its name', async () => {
    const outcome = await readTemplate(folder, 'team-context')
    if (outcome.status !== 'opened') throw new Error(outcome.message)
    expect(outcome.name).toBe('Team context model')
    expect(outcome.board).toEqual(await shipped('team-context.orgboard'))
  })

  it('reads only what the index lists, so no id reaches another file', async () => {
    await index([entry('dependency-path')])
    await writeFile(join(dir, 'secret.orgboard'), serializeBoard(emptyBoard()))
    expect(await readTemplate(dir, 'secret')).toEqual({ status: 'failed', message: 'There is no template "secret".' })
    expect(await readTemplate(dir, '../secret')).toMatchObject({ status: 'failed' })
  })

  it('leaves a damaged template out of the list and says which', async () => {
    await index([entry('good'), entry('broken')])
    await writeFile(join(dir, 'good.orgboard'), serializeBoard(emptyBoard()))
    await writeFile(join(dir, 'broken.orgboard'), '{"format":"orgboard"')
    const list = await listTemplates(dir)
    expect(list).toMatchObject({ status: 'listed', templates: [{ id: 'good', name: 'Name of good' }] })
    expect(list.status === 'listed' && list.problems).toEqual([expect.stringMatching(/"broken\.orgboard".*truncated/)])
  })

  it.each([
    ['missing', undefined, /could not be found/],
    ['not JSON', 'templates', /damaged/],
    ['an empty list', [], /damaged/],
    ['a path as id', [entry('../outside')], /damaged.*lower-case words.*\[?0.id/],
    ['a duplicate id', [entry('blank'), entry('blank')], /damaged: lists "blank" twice/],
    ['an unknown field', [{ ...entry('blank'), path: '/etc' }], /damaged/]
  ])('explains an index that is %s', async (_what, content, message) => {
    if (content !== undefined) await writeFile(join(dir, TEMPLATE_INDEX), typeof content === 'string' ? content : JSON.stringify(content))
    const list = await listTemplates(dir)
    expect(list.status).toBe('failed')
    expect(list.status === 'failed' && list.message).toMatch(message)
  })
})
