import { describe, expect, it } from 'vitest'
import { BOARD_VERSION } from './board'
import { migrate, migrations, type Migration } from './migrate'

/** Two made-up format changes, to test the mechanism independently of the real (empty) list. */
const testSteps: Migration[] = [
  {
    from: 2,
    describe: 'Wall "since" became "appeared"',
    up: ({ walls, ...doc }) => ({ ...doc, cards: (walls as { since: string }[]).map((w) => ({ appeared: w.since })) })
  },
  {
    from: 1,
    describe: 'Walls moved into a "walls" list',
    up: ({ wall, ...doc }) => ({ ...doc, walls: [wall] })
  }
]

const v1 = () => ({ format: 'orgboard', version: 1, wall: { since: 'March' } })

describe('migrate', () => {
  it('runs each step in version order up to the target', () => {
    expect(migrate(v1(), testSteps, 3)).toEqual({
      ok: true,
      doc: { format: 'orgboard', version: 3, cards: [{ appeared: 'March' }] },
      applied: ['Walls moved into a "walls" list', 'Wall "since" became "appeared"']
    })
  })

  it('starts from the version the file has', () => {
    const v2 = { format: 'orgboard', version: 2, walls: [{ since: 'June' }] }
    expect(migrate(v2, testSteps, 3)).toEqual({
      ok: true,
      doc: { format: 'orgboard', version: 3, cards: [{ appeared: 'June' }] },
      applied: ['Wall "since" became "appeared"']
    })
  })

  it('leaves a current file alone and does not change its input', () => {
    const doc = v1()
    expect(migrate(doc, testSteps, 1)).toEqual({ ok: true, doc: v1(), applied: [] })
    migrate(doc, testSteps, 3)
    expect(doc).toEqual(v1())
  })

  it('sets the version itself, so a step cannot forget it', () => {
    const forgetful: Migration[] = [{ from: 1, describe: 'no-op', up: (doc) => ({ ...doc, version: 1 }) }]
    expect(migrate(v1(), forgetful, 2)).toMatchObject({ ok: true, doc: { version: 2 } })
  })

  it('refuses a newer version, naming both versions', () => {
    const result = migrate({ ...v1(), version: 5 }, testSteps, 3)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toContain('newer Orgboard (file version 5)')
    expect(result.message).toContain('reads up to version 3')
  })

  it('refuses when a step is missing', () => {
    expect(migrate(v1(), testSteps.slice(1), 3)).toEqual({ ok: false, message: 'no migration from file version 2 to 3' })
  })

  it.each([
    ['missing', undefined, 'missing'],
    ['a string', '1', '"1"'],
    ['a fraction', 1.5, '1.5'],
    ['zero', 0, '0'],
    ['negative', -2, '-2'],
    ['null', null, 'null']
  ])('refuses a version that is %s', (_, version, shown) => {
    expect(migrate({ format: 'orgboard', version }, testSteps, 3)).toEqual({
      ok: false,
      message: `its "version" is ${shown}, not a whole number from 1 up`
    })
  })

  it('has a real step for every version below the current one', () => {
    for (let v = 1; v < BOARD_VERSION; v++) expect(migrations.filter((s) => s.from === v)).toHaveLength(1)
    expect(migrations.every((s) => s.from >= 1 && s.from < BOARD_VERSION)).toBe(true)
    expect(migrate({ format: 'orgboard', version: BOARD_VERSION })).toMatchObject({ ok: true, applied: [] })
  })
})
