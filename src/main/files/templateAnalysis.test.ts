import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseBoard } from '../../shared/analysis'
import { parseBoardText } from '../../shared/load'

describe('the shipped freight trains and gardens template', () => {
  const text = readFileSync(join(__dirname, '../../../resources/templates/freight-trains-and-gardens.orgboard'), 'utf8')
  const loaded = parseBoardText(text)
  if (!loaded.ok) throw new Error(loaded.problem)

  it('prompts about its unquestioned freight trains and lists its conditional dependencies', () => {
    const { findings } = analyseBoard(loaded.board)
    expect(findings.filter((f) => f.kind === 'unquestionedFreightTrain').map((f) => f.cards[0])).toEqual(['ft-route', 'ft-mobile', 'ft-release'])
    expect(findings.filter((f) => f.kind === 'conditional').map((f) => f.relations[0])).toEqual(['r3', 'r4'])
    expect(findings.filter((f) => f.kind === 'cycle')).toEqual([])
  })
})
