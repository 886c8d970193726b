import { relationKinds } from '../../../shared/kinds'
import { relationColorFor, type Theme } from '../theme'

/** Arrowheads match a highlighted line (see analysisMarks.css), in each theme. */
export const highlightColor: Record<Theme, Record<string, string>> = {
  light: { 'edge--cycle': '#c026d3', 'edge--critical': '#d97706' },
  dark: { 'edge--cycle': '#e879f9', 'edge--critical': '#fbbf24' }
}

/** The id of the arrowhead marker of this colour; an edge names it as its markerEnd. */
export function arrowheadId(color: string): string {
  return `orgboard-arrowhead-${color.replace(/[^0-9a-z]/gi, '').toLowerCase()}`
}

/**
 * Every arrowhead colour a relation can have in this theme: its kind's, or a highlight.
 * Declared once (RelationMarkers), so edges name a marker instead of each carrying a
 * marker object that React Flow turns into an id, sorting its keys, for all 6,000 edges
 * on every change to the edges.
 */
export function arrowheadColors(theme: Theme): string[] {
  return [...new Set([...relationKinds.map((k) => relationColorFor(k, theme)), ...Object.values(highlightColor[theme])])]
}
