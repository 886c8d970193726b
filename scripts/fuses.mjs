// Electron fuses for the packaged Orgboard: features baked into the Electron binary that
// Orgboard never uses are switched off, so nobody can use the signed app as a Node runtime.
// Run on the packaged binary after packing:
//   node scripts/fuses.mjs dist/linux-unpacked/orgboard      (or …/Orgboard.app, …/Orgboard.exe)
// or call flipOrgboardFuses(path) from a packager's afterPack hook.
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses'

/**
 * Off: ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect and friends (each turns the app into a
 * debuggable Node), and the extra file:// privileges (the app is served from app://).
 * On: cookie encryption (no cookies are used; costs nothing).
 * Left as Electron ships them, for the packaging step to decide: asar integrity validation and
 * only-load-from-asar (they need the packager to write an asar with its integrity hash; turning
 * them on without that stops the app from starting), and the V8 snapshot fuse.
 */
export const orgboardFuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.EnableCookieEncryption]: true
}

/** Flips the fuses in a packaged Electron binary (or .app bundle) and returns the wire as it is now. */
export async function flipOrgboardFuses(pathToElectron) {
  await flipFuses(pathToElectron, {
    ...orgboardFuses,
    // Apple silicon refuses a binary whose signature no longer matches; re-sign ad hoc (real signing comes after).
    resetAdHocDarwinSignature: process.platform === 'darwin' && process.arch === 'arm64'
  })
  return getCurrentFuseWire(pathToElectron)
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2]
  if (!target) {
    console.error('Usage: node scripts/fuses.mjs <path to the packaged Electron binary or .app>')
    process.exit(2)
  }
  flipOrgboardFuses(target).then(
    (wire) => console.log('Fuses set:', JSON.stringify(wire)),
    (err) => {
      console.error(err instanceof Error ? err.message : err)
      process.exit(1)
    }
  )
}
