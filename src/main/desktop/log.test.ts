import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLog, formatLogEntry, type Level } from './log'

const time = new Date(Date.UTC(2025, 2, 14, 9, 30))

describe('formatLogEntry', () => {
  it('writes time, level and message on one line, and the stack indented below', () => {
    const error = new Error('EACCES: permission denied')
    error.stack = 'Error: EACCES: permission denied\n    at save (boardFiles.ts:10:3)'
    expect(formatLogEntry(time, 'error', 'Save failed\nfor Walls', error)).toBe(
      '2025-03-14T09:30:00.000Z ERROR Save failed ⏎ for Walls\n    Error: EACCES: permission denied\n        at save (boardFiles.ts:10:3)\n'
    )
    expect(formatLogEntry(time, 'info', 'Started')).toBe('2025-03-14T09:30:00.000Z INFO  Started\n')
    expect(formatLogEntry(time, 'warn', 'Rejected', { reason: 'x' })).toBe('2025-03-14T09:30:00.000Z WARN  Rejected\n    {"reason":"x"}\n')
  })
})

describe('createLog', () => {
  let dir: string
  const echoed: [Level, string][] = []
  const echo = (level: Level, line: string): void => void echoed.push([level, line])
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orgboard-log-'))
    echoed.length = 0
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('appends to a file in a folder it creates, and echoes to the terminal', async () => {
    const log = createLog(join(dir, 'logs', 'main.log'), { now: () => time, echo })
    log.error('Could not load the window', new Error('boom'))
    log.info('Opened from the command line')
    const text = await readFile(log.file, 'utf8')
    expect(text).toMatch(/^2025-03-14T09:30:00.000Z ERROR Could not load the window\n {4}Error: boom\n/)
    expect(text).toMatch(/INFO {2}Opened from the command line\n$/)
    expect(echoed.map(([level]) => level)).toEqual(['error', 'info'])
  })

  it('keeps one previous file when the log passes its size limit', async () => {
    const file = join(dir, 'main.log')
    const log = createLog(file, { now: () => time, echo, maxBytes: 200 })
    for (let i = 0; i < 10; i++) log.warn(`Recent boards list ignored (${i})`)
    expect((await stat(file)).size).toBeLessThanOrEqual(200)
    expect((await stat(`${file}.1`)).size).toBeLessThanOrEqual(200)
    expect(await readFile(file, 'utf8')).toContain('(9)')
  })

  it('never throws when the log cannot be written', () => {
    const log = createLog(join(dir, 'main.log', 'inside-a-file.log'), { echo })
    createLog(join(dir, 'main.log'), { echo }).info('a file where a folder would go')
    expect(() => log.error('Still running')).not.toThrow()
    expect(echoed.at(-1)?.[1]).toMatch(/Could not write to the log/)
  })
})
