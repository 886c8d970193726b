import { BrickWall, CircleHelp, File, Flower2, Frame, Sprout, StickyNote, Target, TrainFront, Users, type IconNode } from 'lucide'
import { ellipse, roundedRect } from './paths'

/**
 * The kinds' lucide icons as path data, for exports. The same drawings as the
 * canvas's lucide-react components (both packages ship the same icon nodes; a test
 * checks every kind in the registry has one here).
 */
export const iconNodes: Readonly<Record<string, IconNode>> = {
  'train-front': TrainFront,
  sprout: Sprout,
  'flower-2': Flower2,
  'brick-wall': BrickWall,
  file: File,
  target: Target,
  users: Users,
  'sticky-note': StickyNote,
  frame: Frame,
  'circle-help': CircleHelp
}

/** lucide draws on a 24-unit grid with a 2-unit round stroke and no fill. */
export const ICON_GRID = 24

const n = (v: unknown): number => Number(v ?? 0)

/** One icon as a single path (in grid units), so SVG and PDF draw it the same way. */
export function iconPath(name: string): string {
  const node = iconNodes[name]
  if (!node) return ''
  return node
    .map(([tag, attrs]) => {
      const a = attrs as Record<string, unknown>
      switch (tag) {
        case 'path':
          // Joined after other shapes, a leading relative moveto would start from their end point;
          // a moveto to the origin first keeps it (and the relative lines after it) where lucide meant.
          return /^\s*m/.test(String(a.d)) ? `M0 0${String(a.d)}` : String(a.d ?? '')
        case 'circle':
          return ellipse(n(a.cx), n(a.cy), n(a.r), n(a.r))
        case 'ellipse':
          return ellipse(n(a.cx), n(a.cy), n(a.rx), n(a.ry))
        case 'line':
          return `M${n(a.x1)} ${n(a.y1)}L${n(a.x2)} ${n(a.y2)}`
        case 'rect': {
          const r = n(a.rx ?? a.ry)
          return roundedRect(n(a.x), n(a.y), n(a.width), n(a.height), [r, r, r, r])
        }
        case 'polyline':
        case 'polygon':
          return `M${String(a.points).trim().replace(/\s+/g, ' L')}${tag === 'polygon' ? 'Z' : ''}`
        default:
          return ''
      }
    })
    .join('')
}
