import { BrickWall, CircleHelp, File, Flower2, Frame, Sprout, StickyNote, Target, TrainFront, Users, type LucideIcon } from 'lucide-react'
import type { AnyCardKind } from '../../shared/kinds'

/** Each kind's icon, bundled as SVG (no icon font, nothing fetched). */
export const kindIcons: Record<AnyCardKind, LucideIcon> = {
  freightTrain: TrainFront,
  seedling: Sprout,
  garden: Flower2,
  wall: BrickWall,
  blankPage: File,
  initiative: Target,
  team: Users,
  note: StickyNote,
  frame: Frame,
  unknown: CircleHelp
}
