import { describe, expect, it } from 'vitest'
import type { Card } from '../../../shared/board'
import { blockedBadges, marksNeedNode } from './farBadges'

const card = (id: string, x: number, y: number, width = 240): Card => ({ id, kind: 'initiative', title: id, x, y, width, height: 110, fields: {} })
const cards = [card('hiring', 0, 0), card('onboarding', 400, 200, 260), card('pricing', 800, 0)]
const blocked: ReadonlyMap<string, string[]> = new Map([['onboarding', ['hiring']]])

/** The corners a path's points span. */
function bounds(d: string): { x: number; y: number; width: number; height: number } {
  const nums = [...d.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]))
  const xs = nums.filter((_, i) => i % 2 === 0)
  const ys = nums.filter((_, i) => i % 2 === 1)
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
}

describe('blockedBadges', () => {
  it('draws one pill over each blocked card, where CardMarks puts its badge', () => {
    const d = blockedBadges(cards, blocked)
    expect(d.match(/M/g)).toHaveLength(1)
    expect(bounds(d)).toEqual({ x: 410, y: 189, width: 240, height: 20 })
  })

  it('follows a card being dragged or resized', () => {
    const d = blockedBadges(cards, blocked, new Map([['onboarding', { x: 100, y: 500, width: 300 }]]))
    expect(bounds(d)).toEqual({ x: 110, y: 489, width: 280, height: 20 })
  })

  it('draws nothing when no card is blocked', () => {
    expect(blockedBadges(cards, new Map())).toBe('')
  })
})

describe('marksNeedNode', () => {
  it('keeps a node for marks a pill cannot show: a phase or the critical path', () => {
    expect(marksNeedNode(undefined)).toBe(false)
    expect(marksNeedNode({ blocked: 'Blocked by “Hiring freeze”' })).toBe(false)
    expect(marksNeedNode({ phase: 1 })).toBe(true)
    expect(marksNeedNode({ phase: 0 })).toBe(true)
    expect(marksNeedNode({ blocked: 'Blocked by “Hiring freeze”', critical: true })).toBe(true)
  })
})
