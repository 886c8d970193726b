import { relationKind, type RelationKind } from '../../../shared/kinds'
import { relationColor } from '../theme'

/** A short line in the relation kind's style, with its arrowhead, for legends and pickers. */
export function RelationSample({ kind, conditional = false }: { kind: RelationKind; conditional?: boolean }): React.JSX.Element {
  const spec = relationKind(kind)
  const dash = conditional ? CONDITIONAL_DASH : spec.dash
  return (
    <svg className="relation-sample" width="44" height="12" viewBox="0 0 44 12" aria-hidden>
      <line x1="2" y1="6" x2="34" y2="6" stroke={relationColor(spec)} strokeWidth={spec.width} strokeDasharray={dash || undefined} />
      <path d="M32 1 L42 6 L32 11 Z" fill={relationColor(spec)} />
    </svg>
  )
}

/** A conditional dependency is drawn dashed, so an "only if" path stands out from a firm one. */
export const CONDITIONAL_DASH = '7 5'
