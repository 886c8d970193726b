import { electronBinary } from './electronBinary'

/** Why the Electron suite skips here; printed once per run, however many spec files share it. */
export const SKIPPED =
  'Electron suite skipped: the Electron binary is not installed (npm could not download it here). ' +
  'Run `node node_modules/electron/install.js` where the network allows.'

export const hasElectron = electronBinary() !== null
if (!hasElectron) console.log(SKIPPED)
