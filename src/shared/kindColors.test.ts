import { describe, expect, it } from 'vitest'
import { contrastRatio } from './contrast'
import { cardKinds, relationKinds } from './kinds'

// The themes' canvas and text colours (--bg and --text in the renderer's styles.css and themes.css).
const themes = {
  light: { canvas: '#f6f7f9', text: '#1b2330' },
  dark: { canvas: '#15181e', text: '#e6e9ef' }
} as const

describe('contrastRatio', () => {
  it('follows WCAG 2', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#777777')).toBeCloseTo(4.48, 2)
    expect(contrastRatio('#1d4ed8', '#1d4ed8')).toBe(1)
  })
})

describe('kind colours are legible in both themes', () => {
  for (const kind of cardKinds) {
    it(`${kind.label}: the kind label (accent) and the title (text) read well on its fill`, () => {
      const pairs = { light: { color: kind.color, fill: kind.fill }, dark: kind.dark }
      for (const theme of ['light', 'dark'] as const) {
        const { color, fill } = pairs[theme]
        // 4.5:1 is WCAG AA for normal text: the kind label is small text in the accent colour.
        expect(contrastRatio(color, fill), `${theme} accent on fill`).toBeGreaterThanOrEqual(4.5)
        expect(contrastRatio(themes[theme].text, fill), `${theme} text on fill`).toBeGreaterThanOrEqual(7)
      }
    })
  }

  for (const relation of relationKinds) {
    it(`${relation.label}: the line stands out from the canvas`, () => {
      // 3:1 is WCAG AA for graphics.
      expect(contrastRatio(relation.color, themes.light.canvas)).toBeGreaterThanOrEqual(3)
      expect(contrastRatio(relation.dark.color, themes.dark.canvas)).toBeGreaterThanOrEqual(3)
    })
  }

  it('gives every kind its own dark colours', () => {
    expect(new Set(cardKinds.map((k) => k.dark.color)).size).toBe(cardKinds.length)
  })
})
