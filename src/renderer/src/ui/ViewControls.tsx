import { Grid3x3, Maximize, Minus, Moon, Plus, Sun, SunMoon, type LucideIcon } from 'lucide-react'
import { Panel } from '@xyflow/react'
import { commandById, formatKeys } from '../../../shared/commands'
import { isActionChecked, runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { isMac } from '../platform'
import { useEditor } from '../state/editorStore'

const themeOrder = ['view.themeSystem', 'view.themeLight', 'view.themeDark'] as const
const themeIcons: Record<(typeof themeOrder)[number], LucideIcon> = { 'view.themeSystem': SunMoon, 'view.themeLight': Sun, 'view.themeDark': Moon }

function tooltip(id: string): string {
  const spec = commandById(id)
  const key = spec?.keys?.[0]
  return `${spec?.title ?? id}${key ? ` (${formatKeys(key, isMac)})` : ''}`
}

/** Zoom, snap to grid and theme, bottom-left on the canvas: the View menu's commands, for the mouse. */
export function ViewControls(): React.JSX.Element {
  const ctx = useEditorContext()
  // Re-render when the toggles change.
  useEditor(ctx.store, (s) => s.prefs)
  const theme = themeOrder.find((id) => isActionChecked(id, ctx)) ?? 'view.themeSystem'
  const nextTheme = themeOrder[(themeOrder.indexOf(theme) + 1) % themeOrder.length] ?? 'view.themeSystem'
  const ThemeIcon = themeIcons[theme]
  const button = (id: string, Icon: LucideIcon, pressed?: boolean): React.JSX.Element => (
    <button
      type="button"
      className="view-controls__button"
      aria-label={commandById(id)?.title ?? id}
      aria-pressed={pressed}
      title={tooltip(id)}
      onClick={() => void runAction(id, ctx)}
    >
      <Icon size={16} aria-hidden />
    </button>
  )
  return (
    <Panel position="bottom-left">
      <div className="view-controls" role="toolbar" aria-label="View" aria-orientation="vertical">
        {button('view.zoomIn', Plus)}
        {button('view.zoomOut', Minus)}
        {button('view.fit', Maximize)}
        {button('view.snapToGrid', Grid3x3, isActionChecked('view.snapToGrid', ctx) ?? false)}
        <button
          type="button"
          className="view-controls__button"
          aria-label={`${commandById(theme)?.title ?? theme}. Switch to ${commandById(nextTheme)?.title.replace('Theme: ', '') ?? nextTheme}`}
          title={`${commandById(theme)?.title ?? theme} (click for ${commandById(nextTheme)?.title.replace('Theme: ', '') ?? nextTheme})`}
          onClick={() => void runAction(nextTheme, ctx)}
        >
          <ThemeIcon size={16} aria-hidden />
        </button>
      </div>
    </Panel>
  )
}
