import { CompareView } from './CompareView'
import { Presenter } from './Presenter'
import { StartScreen } from './StartScreen'
import { TimerAlarm, TimerPanel } from './Timer'

/** Everything the facilitator runs the session with that sits over the editor. */
export function FacilitationLayer(): React.JSX.Element {
  return (
    <>
      <TimerAlarm />
      <TimerPanel />
      <Presenter />
      <CompareView />
      <StartScreen />
    </>
  )
}
