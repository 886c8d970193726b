import { describe, expect, it } from 'vitest'
import { fuzzyFilter, fuzzyScore } from './fuzzy'

const titles = ['Zoom In', 'Zoom Out', 'Zoom to Fit', 'Zoom to Selection', 'Select All', 'Save As…', 'Save', 'Seedling', 'Snap to Grid']

describe('fuzzy matching for the command palette', () => {
  it('matches letters in order, anywhere', () => {
    expect(fuzzyScore('zts', 'Zoom to Selection')).not.toBeNull()
    expect(fuzzyScore('stz', 'Zoom to Selection')).toBeNull()
    expect(fuzzyScore('', 'Save')).toBe(0)
  })

  it('ranks word starts and whole words first', () => {
    expect(fuzzyFilter(titles, 'zts', (t) => t)[0]).toBe('Zoom to Selection')
    expect(fuzzyFilter(titles, 'save', (t) => t).slice(0, 2)).toEqual(['Save', 'Save As…'])
    expect(fuzzyFilter(titles, 'grid', (t) => t)).toEqual(['Snap to Grid'])
    expect(fuzzyFilter(titles, 'sel', (t) => t).slice(0, 2)).toEqual(['Select All', 'Zoom to Selection'])
  })

  it('keeps everything, in order, for an empty query', () => {
    expect(fuzzyFilter(titles, '  ', (t) => t)).toEqual(titles)
  })
})
