import {
  AlignCenterHorizontal,
  AlignCenterVertical,
  AlignEndHorizontal,
  AlignEndVertical,
  AlignHorizontalDistributeCenter,
  AlignStartHorizontal,
  AlignStartVertical,
  AlignVerticalDistributeCenter,
  type LucideIcon
} from 'lucide-react'
import { useMemo } from 'react'
import { NodeToolbar, Position, useStore } from '@xyflow/react'
import { commandById, formatKeys } from '../../../shared/commands'
import { boundsOf } from '../../../shared/geometry'
import { isActionEnabled, runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { isMac } from '../platform'
import { useDragging } from '../state/cardDrag'
import { useEditor } from '../state/editorStore'

const groups: { id: string; Icon: LucideIcon }[][] = [
  [
    { id: 'arrange.alignLeft', Icon: AlignStartVertical },
    { id: 'arrange.alignCentre', Icon: AlignCenterVertical },
    { id: 'arrange.alignRight', Icon: AlignEndVertical }
  ],
  [
    { id: 'arrange.alignTop', Icon: AlignStartHorizontal },
    { id: 'arrange.alignMiddle', Icon: AlignCenterHorizontal },
    { id: 'arrange.alignBottom', Icon: AlignEndHorizontal }
  ],
  [
    { id: 'arrange.distributeHorizontally', Icon: AlignHorizontalDistributeCenter },
    { id: 'arrange.distributeVertically', Icon: AlignVerticalDistributeCenter }
  ]
]

/** Align and distribute, floating above a multi-selection (inside React Flow, so it follows pan and zoom). */
export function ArrangeToolbar(): React.JSX.Element | null {
  const ctx = useEditorContext()
  const selected = useEditor(ctx.store, (s) => s.selectedCards)
  const cards = useEditor(ctx.store, (s) => s.history.present.cards)
  const dragging = useDragging(ctx.store.drag)
  const resizing = useEditor(ctx.store, (s) => s.preview.size > 0)
  const top = useMemo(() => boundsOf(cards.filter((c) => selected.has(c.id)))?.y ?? 0, [cards, selected])
  // Below the selection when there is no room above it on screen.
  const below = useStore((s) => top * s.transform[2] + s.transform[1] < 64)
  if (selected.size < 2 || dragging || resizing) return null
  return (
    <NodeToolbar nodeId={[...selected]} isVisible position={below ? Position.Bottom : Position.Top} offset={16}>
      <div className="arrange-toolbar" role="toolbar" aria-label="Arrange" data-testid="arrange-toolbar">
        {groups.map((group, i) => (
          <div key={i} className="arrange-toolbar__group">
            {group.map(({ id, Icon }) => {
              const spec = commandById(id)
              const key = spec?.keys?.[0]
              return (
                <button
                  key={id}
                  type="button"
                  className="icon-button"
                  aria-label={spec?.title ?? id}
                  title={`${spec?.title ?? id}${key ? ` (${formatKeys(key, isMac)})` : ''}`}
                  disabled={!isActionEnabled(id, ctx)}
                  onClick={() => void runAction(id, ctx)}
                >
                  <Icon size={18} aria-hidden />
                </button>
              )
            })}
          </div>
        ))}
      </div>
    </NodeToolbar>
  )
}
