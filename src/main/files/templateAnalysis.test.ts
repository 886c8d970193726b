import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseBoard } from '../../shared/analysis'
import type { Board } from '../../shared/board'
import { parseBoardText } from '../../shared/load'

/** The findings of a template as the facilitator opens it: what the panel lists first matters. */
function template(id: string): Board {
  const loaded = parseBoardText(readFileSync(join(__dirname, '../../../resources/templates', `${id}.orgboard`), 'utf8'))
  if (!loaded.ok) throw new Error(loaded.problem)
  return loaded.board
}

const ofKind = (board: Board, kind: string) => analyseBoard(board).findings.filter((f) => f.kind === kind)

describe('the findings of the shipped templates', () => {
  it('freight trains and gardens: its unquestioned freight trains, its walls, and one conditional dependency', () => {
    const board = template('freight-trains-and-gardens')
    expect(ofKind(board, 'unquestionedFreightTrain').map((f) => f.cards[0])).toEqual(['ft-route', 'ft-mobile', 'ft-release'])
    expect(ofKind(board, 'blocked').map((f) => f.cards[0])).toEqual(['wall-hiring', 'wall-legal', 'wall-qa', 'wall-engineers'])
    // "for billing" said why onboarding needs the pricing pilot; it is no condition.
    expect(ofKind(board, 'conditional').map((f) => f.relations[0])).toEqual(['r3'])
    expect(ofKind(board, 'cycle')).toEqual([])
  })

  it('dependency path: four phases as its frames lay them out, the critical path through them, the conditional step and the wall', () => {
    const board = template('dependency-path')
    const analysis = analyseBoard(board)
    // Each card's phase is the one its phase frame names.
    for (const [id, phase] of analysis.phases) expect(board.cards.find((c) => c.id === id)?.container).toBe(`phase-${phase}`)
    expect(ofKind(board, 'phase')).toHaveLength(4)
    expect(analysis.criticalPath.cards).toEqual(['ft-dwh', 'seed-delay', 'blank-dashboard', 'init-predictions'])
    expect(ofKind(board, 'conditional').map((f) => f.message)).toEqual([
      '“Route Optimiser 3.0 uses predictions” depends on “Dispatcher dashboard” — condition: only if the pilot with two customers succeeds'
    ])
    expect(ofKind(board, 'blocked').map((f) => f.cards)).toEqual([['wall-engineers', 'seed-delay', 'blank-dashboard', 'init-predictions']])
    expect(ofKind(board, 'cycle')).toEqual([])
  })

  it('drivers, constraints and floats: the drivers drawn with "drives" count, so it asks only for floats', () => {
    expect(ofKind(template('drivers-constraints-floats'), 'initiativeIncomplete').map((f) => f.message)).toEqual([
      '“Cut onboarding time from 6 weeks to 2” has no floats: what are we free to move?'
    ])
  })

  it('team context and the blank board: no circles, no conditions, nothing invented', () => {
    expect(analyseBoard(template('blank')).findings).toEqual([])
    const team = analyseBoard(template('team-context')).findings.map((f) => f.kind)
    expect(team).not.toContain('cycle')
    expect(team).not.toContain('conditional')
  })

  it('every condition a template writes on a dependency reads as one', () => {
    const ids = ['blank', 'freight-trains-and-gardens', 'drivers-constraints-floats', 'dependency-path', 'team-context']
    for (const id of ids) {
      for (const finding of ofKind(template(id), 'conditional')) expect(finding.message, id).toMatch(/— condition: (only if|if|unless|once|as long as|provided) /)
    }
  })
})
