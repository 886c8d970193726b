import { useLayoutEffect, useSyncExternalStore } from 'react'
import type { Paint, RelationKindSpec } from '../../shared/kinds'
import type { ThemeChoice } from './prefs'
import { useEditor, type EditorStore } from './state/editorStore'

export type Theme = 'light' | 'dark'

const darkQuery = '(prefers-color-scheme: dark)'

function subscribeSystem(onChange: () => void): () => void {
  const media = window.matchMedia(darkQuery)
  media.addEventListener('change', onChange)
  return () => media.removeEventListener('change', onChange)
}

/** The theme in effect: the facilitator's choice, or the system's appearance for "system". */
export function useTheme(store: EditorStore): Theme {
  const choice = useEditor(store, (s) => s.prefs.theme)
  const systemDark = useSyncExternalStore(subscribeSystem, () => window.matchMedia(darkQuery).matches)
  return resolveTheme(choice, systemDark)
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice
}

/** Puts the theme on <html> before paint: CSS variables and light-dark() colours follow it. */
export function useApplyTheme(store: EditorStore): Theme {
  const theme = useTheme(store)
  useLayoutEffect(() => {
    const root = document.documentElement
    root.dataset.theme = theme
    root.style.colorScheme = theme
  }, [theme])
  return theme
}

/**
 * A kind's accent and fill as CSS variables that switch with the theme by
 * themselves (CSS light-dark()), so cards need not re-render when it changes.
 */
export function kindColorVars(spec: Paint): React.CSSProperties {
  let vars = colorVars.get(spec)
  if (!vars) {
    vars = { '--accent': kindAccent(spec), '--fill': `light-dark(${spec.fill}, ${spec.dark.fill})` } as React.CSSProperties
    colorVars.set(spec, vars)
  }
  return vars
}

/** One style object per kind, shared by all its cards (thousands on a big board). */
const colorVars = new WeakMap<Paint, React.CSSProperties>()

/** A kind's accent colour, switching with the theme (CSS light-dark()). */
export function kindAccent(spec: Paint): string {
  return `light-dark(${spec.color}, ${spec.dark.color})`
}

/** A relation's line colour, switching with the theme (CSS light-dark()). */
export function relationColor(spec: RelationKindSpec): string {
  return `light-dark(${spec.color}, ${spec.dark.color})`
}

/** The plain colour for one theme, where CSS functions cannot go (SVG marker ids, the minimap). */
export function kindColors(spec: Paint, theme: Theme): { color: string; fill: string } {
  return theme === 'dark' ? spec.dark : { color: spec.color, fill: spec.fill }
}

export function relationColorFor(spec: RelationKindSpec, theme: Theme): string {
  return theme === 'dark' ? spec.dark.color : spec.color
}
