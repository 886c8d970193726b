// Electronegativity (Doyensec) over src/: Electron's security checklist as static checks.
// Part of `npm test`; fails on any finding. A finding that is reviewed and accepted is
// disabled where it occurs, with an `eng-disable CHECK_ID: why` comment on that line.
//
// The tool fetches translations and Electron's release list from the network; this run
// stays offline (requests fail at once), so it behaves the same on CI, on a plane, and here.
import http from 'node:http'
import https from 'node:https'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const load = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

for (const mod of [http, https]) {
  mod.request = () => {
    throw new Error('Orgboard security scan: network requests are off')
  }
  mod.get = mod.request
}

const ELECTRON_VERSION = load('electron/package.json').version

// Checks not run, and why:
const excluded = {
  // Needs the network to list Electron releases; the version is pinned in package.json and raised deliberately.
  AvailableSecurityFixesGlobalCheck: 'needs the network'
}

async function main() {
  const run = load('@doyensec/electronegativity')
  const log = console.log
  console.log = () => {} // the offline translation fetch prints a line; the result below is what counts
  let result
  try {
    result = await run({
      input: join(root, 'src'),
      electronVersionOverride: ELECTRON_VERSION,
      isRelative: true,
      excludeFromScan: Object.keys(excluded)
    })
  } finally {
    console.log = log
  }
  const { issues, errors, globalChecks, atomicChecks } = result
  const broken = errors.filter((e) => !e.tolerable)
  for (const e of broken) console.error(`Electronegativity could not parse ${e.file}: ${e.message}`)
  for (const i of issues) {
    console.error(`${i.id} (${i.severity.name}${i.manualReview ? ', review required' : ''}) at src/${i.file}:${i.location.line}:${i.location.column}: ${i.description}`)
  }
  const summary = `Electronegativity ${load('@doyensec/electronegativity/package.json').version} for Electron ${ELECTRON_VERSION}: ${globalChecks + atomicChecks} checks (${Object.keys(excluded).length} excluded), ${issues.length} findings, ${broken.length} files not parsed`
  if (issues.length > 0 || broken.length > 0) {
    console.error(summary)
    process.exit(1)
  }
  console.log(summary)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
