import { memo } from 'react'
import { cardKind, cardPaint } from '../../../shared/kinds'
import type { BoardPreview } from '../../../shared/preview'

/** How a card is marked in a sketch (the compare view marks what changed). */
export type SketchTone = 'added' | 'removed' | 'graduated' | 'unblocked'

export const toneColors: Record<SketchTone, string> = {
  added: '#16a34a',
  removed: '#dc2626',
  graduated: '#ca8a04',
  unblocked: '#2563eb'
}

interface SketchProps {
  preview: BoardPreview
  /** Marks by card id. */
  tones?: ReadonlyMap<string, SketchTone>
  label: string
  className?: string
}

/** A board drawn as boxes and lines: template thumbnails and the compare view. */
export const BoardSketch = memo(function BoardSketch({ preview, tones, label, className }: SketchProps): React.JSX.Element {
  const size = Math.max(preview.width, preview.height, 400)
  const pad = size * 0.04
  const stroke = size / 320
  const viewBox = `${preview.x - pad} ${preview.y - pad} ${preview.width + 2 * pad} ${preview.height + 2 * pad}`
  return (
    <svg className={className} viewBox={viewBox} preserveAspectRatio="xMidYMid meet" role="img" aria-label={label}>
      {preview.shapes
        .filter((s) => cardKind(s.kind).container)
        .map((s) => {
          const paint = cardPaint(s)
          const tone = tones?.get(s.id)
          return (
            <rect
              key={s.id}
              x={s.x}
              y={s.y}
              width={s.width}
              height={s.height}
              rx={stroke * 6}
              fill={paint.fill}
              fillOpacity={0.55}
              stroke={tone ? toneColors[tone] : paint.color}
              strokeWidth={tone ? stroke * 3 : stroke}
              strokeDasharray={`${stroke * 5} ${stroke * 3}`}
            />
          )
        })}
      {preview.lines.map((l, i) => (
        <line key={i} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} stroke="#64748b" strokeOpacity={0.7} strokeWidth={stroke * 1.2} />
      ))}
      {preview.shapes
        .filter((s) => !cardKind(s.kind).container)
        .map((s) => {
          const paint = cardPaint(s)
          const tone = tones?.get(s.id)
          return (
            <g key={s.id} data-tone={tone}>
              {tone && (
                <rect
                  x={s.x - stroke * 5}
                  y={s.y - stroke * 5}
                  width={s.width + stroke * 10}
                  height={s.height + stroke * 10}
                  rx={stroke * 8}
                  fill="none"
                  stroke={toneColors[tone]}
                  strokeWidth={stroke * 4}
                  strokeDasharray={tone === 'removed' ? `${stroke * 6} ${stroke * 4}` : undefined}
                />
              )}
              <rect
                x={s.x}
                y={s.y}
                width={s.width}
                height={s.height}
                rx={s.kind === 'freightTrain' ? s.height / 2 : stroke * 5}
                fill={paint.fill}
                stroke={paint.color}
                strokeWidth={stroke * 1.6}
                opacity={tone === 'removed' ? 0.55 : 1}
              />
            </g>
          )
        })}
    </svg>
  )
})
