import { CheckpointsPanel } from './facilitation/CheckpointsPanel'
import { VotesPanel } from './facilitation/VotesPanel'
import { Inspector } from './inspector/Inspector'

export interface SidePanelSpec {
  id: string
  title: string
  Component: () => React.JSX.Element
}

/** The panels of the right-hand side bar, as tabs in this order. A new panel adds one entry. */
export const sidePanels: readonly SidePanelSpec[] = [
  { id: 'inspector', title: 'Inspector', Component: Inspector },
  { id: 'votes', title: 'Votes', Component: VotesPanel },
  { id: 'checkpoints', title: 'Checkpoints', Component: CheckpointsPanel }
]
