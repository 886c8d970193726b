import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Card } from '../../../shared/board'
import { cardColors, cardKind, cardPaint } from '../../../shared/kinds'
import { kindColors } from '../theme'
import type { Idle } from './farStrokes'
import { liteIconUrl, prepareLiteIcons } from './liteIcons'

const card = (id: string, kind: string, color?: string): Card => ({ id, kind, title: id, x: 0, y: 0, width: 200, height: 100, fields: {}, ...(color ? { color } : {}) }) as Card

/** Idle periods the test runs by hand. */
function idlePeriods(): { idle: Idle; waiting: ((timeLeft: () => number) => void)[] } {
  const waiting: ((timeLeft: () => number) => void)[] = []
  const idle: Idle = (work) => {
    waiting.push(work)
    return () => waiting.splice(waiting.indexOf(work), 1)
  }
  return { idle, waiting }
}

describe('prepareLiteIcons', () => {
  let drawn: string[]
  beforeEach(() => {
    drawn = []
    // A canvas that records which colour each icon was stroked in (vitest runs without a DOM).
    vi.stubGlobal('Path2D', class {})
    vi.stubGlobal('document', {
      createElement: () => {
        const g = { strokeStyle: '', lineWidth: 0, lineCap: '', lineJoin: '', scale: () => {}, stroke: () => drawn.push(g.strokeStyle) }
        return { width: 0, height: 0, getContext: () => g, toDataURL: () => `data:image/png;base64,${drawn.length}` }
      }
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it("draws each icon and colour the board's cards show once, in idle time, as many as the time allows", () => {
    const { idle, waiting } = idlePeriods()
    const cards = [card('a', 'seedling'), card('b', 'seedling'), card('c', 'wall'), card('d', 'wall', 'purple'), card('e', 'team')]
    prepareLiteIcons(cards, 'light', idle)
    expect(drawn).toHaveLength(0)
    let clock = 0
    // Time for two icons (the third look at the clock finds 2 ms or less left).
    waiting.shift()!(() => (clock++ < 2 ? 10 : 0))
    expect(drawn).toHaveLength(2)
    waiting.shift()!(() => 10)
    expect(waiting).toHaveLength(0)
    expect(drawn).toHaveLength(4) // seedling, wall, wall in purple, team
    expect(drawn).toContain(cardColors.find((c) => c.id === 'purple')?.color)
    // The zoomed-out cards then find them drawn.
    for (const c of cards) liteIconUrl(cardKind(c.kind).icon, kindColors(cardPaint(c), 'light').color)
    expect(drawn).toHaveLength(4)
  })

  it('does nothing once cancelled, nor when every icon is drawn', () => {
    const { idle, waiting } = idlePeriods()
    const cards = [card('a', 'note'), card('b', 'initiative')]
    const cancel = prepareLiteIcons(cards, 'dark', idle)
    cancel()
    expect(waiting).toHaveLength(0)
    prepareLiteIcons(cards, 'dark', idle)
    waiting.shift()!(() => 10)
    expect(drawn).toHaveLength(2)
    prepareLiteIcons(cards, 'dark', idle)
    waiting.shift()!(() => 10)
    expect(drawn).toHaveLength(2)
  })
})
