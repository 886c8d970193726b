import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Board } from '../../shared/board'
import { serializeBoard } from '../../shared/serialize'
import { STALE_TEMP_MS, atomicWrite, backupPathFor } from './atomicWrite'
import { writeBoardFile } from './boardFiles'
import { sampleBoard } from './sampleBoard'

/**
 * The promise of atomicWrite, tested the hard way: a separate process saving a
 * large board over and over is SIGKILLed at random moments, and a real (tiny)
 * disk is filled up. Each time the file is a complete old or new board.
 */

let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'orgboard-crash-'))
})

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

/** A workshop board of `cards` cards, about 400 bytes each. */
function largeBoard(cards: number, title: string): Board {
  const base = sampleBoard()
  const template = base.cards[6]!
  return {
    ...base,
    cards: Array.from({ length: cards }, (_, i) => ({ ...template, id: `init-${i}`, title: `${title} #${i}`, x: (i % 50) * 300, y: Math.floor(i / 50) * 200 })),
    relations: []
  }
}

/** The real atomicWrite.ts as an ES module a child process can import (it needs only Node built-ins). */
async function childModule(): Promise<string> {
  const source = await fs.readFile(join(__dirname, 'atomicWrite.ts'), 'utf8')
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
  const modulePath = join(dir, 'atomicWrite.mjs')
  await fs.writeFile(modulePath, outputText)
  const script = join(dir, 'saver.mjs')
  await fs.writeFile(
    script,
    `import { readFileSync } from 'node:fs'
import { atomicWrite } from ${JSON.stringify(modulePath)}
const [target, ...sources] = process.argv.slice(2)
const texts = sources.map((p) => readFileSync(p, 'utf8'))
for (let i = 0; ; i++) {
  await atomicWrite(target, texts[i % texts.length], { backup: true })
  process.stdout.write('saved\\n')
}
`
  )
  return script
}

/** Starts the saver; resolves once it has finished its first save, so a kill lands in the middle of later ones. */
function startSaver(script: string, args: string[]): Promise<ReturnType<typeof spawn>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    child.stdout?.once('data', () => resolve(child))
    child.once('exit', (code) => reject(new Error(`saver exited early (${code}): ${err}`)))
  })
}

const killed = (child: ReturnType<typeof spawn>): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

describe('a save killed at random moments', () => {
  it('always leaves a complete old or new board, and a complete backup', { timeout: 120_000 }, async () => {
    const script = await childModule()
    const texts = ['Route Optimiser 3.0 re-platform', 'Data warehouse migration'].map((t) => serializeBoard(largeBoard(1500, t)))
    const sources = await Promise.all(
      texts.map(async (text, i) => {
        const p = join(dir, `source-${i}.json`)
        await fs.writeFile(p, text)
        return p
      })
    )
    const folder = join(dir, 'boards')
    await fs.mkdir(folder)
    const target = join(folder, 'Harbour & Pine offsite.orgboard')
    await fs.writeFile(target, texts[0]!)
    expect(Buffer.byteLength(texts[0]!)).toBeGreaterThan(512 * 1024)

    const kills = 25
    for (let i = 0; i < kills; i++) {
      const child = await startSaver(script, [target, ...sources])
      // Random moments across the next saves: inside writeFile, fsync, the backup copy, the rename.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 80))
      child.kill('SIGKILL')
      await killed(child)
      const now = await fs.readFile(target, 'utf8')
      expect(texts.includes(now), `after kill ${i + 1} the file is neither the old nor the new board (${now.length} chars)`).toBe(true)
      const backup = await fs.readFile(backupPathFor(target), 'utf8').catch(() => null)
      if (backup !== null) expect(texts.includes(backup), `after kill ${i + 1} the backup is incomplete`).toBe(true)
      const others = (await fs.readdir(folder)).filter((n) => !['Harbour & Pine offsite.orgboard', 'Harbour & Pine offsite.orgboard.bak'].includes(n))
      for (const name of others) expect(name).toMatch(/^\.Harbour & Pine offsite\.orgboard(\.bak)?\.[0-9a-f]{12}\.tmp$/)
    }
    // A later save cleans up the temp files the kills left, once they are stale.
    const leftovers = (await fs.readdir(folder)).filter((n) => n.endsWith('.tmp'))
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000)
    for (const name of leftovers) await fs.utimes(join(folder, name), old, old)
    await atomicWrite(target, texts[1]!, { backup: true })
    expect((await fs.readdir(folder)).sort()).toEqual(['Harbour & Pine offsite.orgboard', 'Harbour & Pine offsite.orgboard.bak'])
  })
})

/** A real full disk needs a tmpfs mount: root on Linux (this CI), skipped elsewhere with the injected ENOSPC tests still running. */
function mountTinyDisk(path: string, size: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('a full disk (a real 1 MB tmpfs)', () => {
  let disk: string
  let mounted = false

  beforeAll(async () => {
    disk = await fs.mkdtemp(join(tmpdir(), 'orgboard-tinydisk-'))
    mounted = mountTinyDisk(disk, '1m')
    if (!mounted) console.log('Full-disk test skipped: cannot mount a tmpfs here (needs root on Linux); the injected ENOSPC tests cover it.')
  })

  afterAll(async () => {
    if (mounted) execFileSync('umount', [disk])
    await fs.rm(disk, { recursive: true, force: true })
  })

  it('leaves the original intact at every amount of free space, and saves once there is room', { timeout: 60_000 }, async (context) => {
    if (!mounted) context.skip()
    const target = join(disk, 'offsite.orgboard')
    const original = largeBoard(300, 'Cut onboarding time from 6 weeks to 2')
    const bigger = largeBoard(700, 'Reduce cloud spend by 20%')
    expect((await writeBoardFile(target, original)).ok).toBe(true)

    // Fill the disk completely, then give back space 16 KB at a time until the save fits.
    const filler = join(disk, 'filler')
    const chunk = Buffer.alloc(16 * 1024, 1)
    const handle = await fs.open(filler, 'w')
    for (;;) {
      try {
        await handle.write(chunk)
      } catch {
        break
      }
    }
    await handle.close()

    const messages = new Set<string>()
    let saved = false
    for (let size = (await fs.stat(filler)).size; size >= 0 && !saved; size -= 16 * 1024) {
      await fs.truncate(filler, Math.max(0, size))
      const result = await writeBoardFile(target, bigger)
      const onDisk = await fs.readFile(target, 'utf8')
      if (result.ok) {
        saved = true
        expect(onDisk).toBe(serializeBoard(bigger))
      } else {
        messages.add(result.message.replace(/\(while [^)]*\)/, '(…)'))
        expect(result.message).toContain('the disk is full')
        expect(onDisk).toBe(serializeBoard(original))
      }
      expect((await fs.readdir(disk)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    }
    expect(saved).toBe(true)
    expect([...messages]).toEqual([
      'Could not save "offsite.orgboard" (…): the disk is full. Free some space, or use Save As to save on another disk. The file on disk was not changed.'
    ])
  })
})
