import { describe, expect, it } from 'vitest'
import { relationKinds } from '../../../shared/kinds'
import { relationColorFor } from '../theme'
import { arrowheadColors, arrowheadId, highlightColor } from './arrowheads'

describe('arrowheads', () => {
  it('declares a marker for every colour a relation can point with, in each theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      const colors = arrowheadColors(theme)
      for (const kind of relationKinds) expect(colors).toContain(relationColorFor(kind, theme))
      for (const color of Object.values(highlightColor[theme])) expect(colors).toContain(color)
      expect(new Set(colors).size).toBe(colors.length)
    }
  })

  it('gives each colour its own id, usable in url(#…)', () => {
    const ids = [...arrowheadColors('light'), ...arrowheadColors('dark')].map(arrowheadId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/)
  })
})
