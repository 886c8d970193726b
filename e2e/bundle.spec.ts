import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const assets = join(__dirname, '..', 'out', 'renderer', 'assets')

// V8 keeps a script's source for as long as the page lives, at one byte a character only if every
// character is ASCII: one "→" kept the whole 1.7 MB bundle as UTF-16, 3.3 MB (heap snapshot).
test('the built renderer scripts are minified and ASCII only', async () => {
  const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'))
  const entry = scripts.find((f) => f.startsWith('index-'))
  expect(entry).toBeDefined()
  for (const file of scripts) {
    const text = await readFile(join(assets, file), 'utf8')
    const foreign = /\P{ASCII}/u.exec(text)
    expect(foreign && `${file}: …${text.slice(Math.max(0, foreign.index - 40), foreign.index + 10)}…`).toBeNull()
  }
  const source = await readFile(join(assets, entry as string), 'utf8')
  // Minified: few lines for its size (unminified it was 44,000 lines for 1.7 MB).
  expect(source.split('\n').length).toBeLessThan(source.length / 1000)
})
