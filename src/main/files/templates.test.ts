import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBoardText } from '../../shared/load'
import { serializeBoard } from '../../shared/serialize'

const folder = join(__dirname, '../../../resources/templates')

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
})
