import { BOARD_VERSION } from './board'

/** A step from version `from` to `from + 1`, on the raw JSON (before validation). */
export interface Migration {
  from: number
  describe: string
  up(doc: Record<string, unknown>): Record<string, unknown>
}

/**
 * The numbered steps from each older version to the current one. Version 1 is the
 * first released format, so the list is empty; each future format change adds one
 * step here with a fixture test of a file in the old format.
 */
export const migrations: readonly Migration[] = []

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown>; applied: string[] }
  | { ok: false; message: string }

/** Brings a raw board document from its version up to `target`, one numbered step at a time. */
export function migrate(
  doc: Record<string, unknown>,
  steps: readonly Migration[] = migrations,
  target: number = BOARD_VERSION
): MigrateResult {
  const version = doc.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const shown = typeof version === 'number' ? String(version) : (JSON.stringify(version) ?? 'missing')
    return { ok: false, message: `its "version" is ${shown}, not a whole number from 1 up` }
  }
  if (version > target) {
    return {
      ok: false,
      message: `it was saved by a newer Orgboard (file version ${version}); this Orgboard reads up to version ${target}. Update Orgboard to open it`
    }
  }
  let current = doc
  const applied: string[] = []
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v)
    if (!step) return { ok: false, message: `no migration from file version ${v} to ${v + 1}` }
    current = { ...step.up(current), version: v + 1 }
    applied.push(step.describe)
  }
  return { ok: true, doc: current, applied }
}
