import { foldText } from './find'

/**
 * How well `query` matches `text` as a fuzzy subsequence ("zts" finds "Zoom to
 * Selection"): higher is better, null for no match. Letters at word starts and
 * runs of consecutive letters score more; an exact substring scores most.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = foldText(query).replace(/\s+/g, '')
  if (!q) return 0
  const t = foldText(text)
  let score = 0
  let from = 0
  let previous = -2
  for (const ch of q) {
    const at = t.indexOf(ch, from)
    if (at < 0) return null
    const wordStart = at === 0 || /[\s\-–/:(.]/.test(t[at - 1] ?? '') || (text[at] !== t[at] && text[at - 1] === t[at - 1])
    score += 1 + (wordStart ? 6 : 0) + (at === previous + 1 ? 4 : 0) - Math.min(3, (at - from) * 0.1)
    previous = at
    from = at + 1
  }
  const substring = t.indexOf(foldText(query).trim())
  if (substring >= 0) score += 20 + (substring === 0 ? 10 : 0)
  return score - t.length * 0.01
}

/** The items that match, best first; ties keep their order. An empty query keeps all, in order. */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[] {
  if (!query.trim()) return [...items]
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((e): e is { item: T; index: number; score: number } => e.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((e) => e.item)
}
