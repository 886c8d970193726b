/**
 * What the board's analysis tells the facilitator, as data: the findings panel
 * lists them, the canvas marks the cards and relations they name.
 */

export type Severity = 'problem' | 'warning' | 'prompt' | 'info'

/** The kinds of finding, in the order the findings panel shows their groups. */
export const findingKinds = [
  { id: 'cycle', title: 'Circular dependencies', severity: 'problem' },
  { id: 'blocked', title: 'Blocked work', severity: 'warning' },
  { id: 'unquestionedFreightTrain', title: 'Freight trains never questioned', severity: 'prompt' },
  { id: 'seedlingWithoutGarden', title: 'Seedlings without a garden', severity: 'prompt' },
  { id: 'seedlingWithoutCriteria', title: 'Seedlings with no graduation criteria', severity: 'prompt' },
  { id: 'idleWall', title: 'Walls that block nothing', severity: 'prompt' },
  { id: 'initiativeIncomplete', title: 'Initiatives missing drivers or floats', severity: 'prompt' },
  { id: 'conditional', title: 'Conditional dependencies', severity: 'info' },
  { id: 'criticalPath', title: 'Critical path', severity: 'info' },
  { id: 'phase', title: 'Phases', severity: 'info' }
] as const satisfies readonly { id: string; title: string; severity: Severity }[]

export type FindingKind = (typeof findingKinds)[number]['id']

export interface Finding {
  /** Stable while the finding lasts (for list keys and tests): kind and the ids it is about. */
  id: string
  kind: FindingKind
  severity: Severity
  /** One sentence in the workshop's words. */
  message: string
  /** The cards it is about, in the order the message names them. */
  cards: string[]
  /** The relations it is about. */
  relations: string[]
}
