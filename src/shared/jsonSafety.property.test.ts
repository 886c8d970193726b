import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FORBIDDEN_KEYS, formatPath, removeForbiddenKeys, type JsonPath } from './jsonSafety'

/** removeForbiddenKeys as it was before it built paths only for removed keys: the reference. */
function reference(root: unknown): JsonPath[] {
  const removed: JsonPath[] = []
  const stack: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: JsonPath }
    if (value === null || typeof value !== 'object') continue
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }))
      continue
    }
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (FORBIDDEN_KEYS.has(key)) {
        delete record[key]
        removed.push([...path, key])
      } else stack.push({ value: record[key], path: [...path, key] })
    }
  }
  return removed.sort((a, b) => formatPath(a).localeCompare(formatPath(b)))
}

const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', 'a.b', 'b', '0'), fc.string({ maxLength: 4 }))
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries) as unknown)
  )
})).value

describe('removeForbiddenKeys', () => {
  it('removes the same keys, reports the same places, as the reference', () => {
    fc.assert(
      fc.property(json, (value) => {
        // Through JSON text, as the loader gets it: `__proto__` is then an own key.
        const text = JSON.stringify(value) ?? 'null'
        const mine: unknown = JSON.parse(text)
        const theirs: unknown = JSON.parse(text)
        expect(removeForbiddenKeys(mine)).toEqual(reference(theirs))
        expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs))
      }),
      { numRuns: 2000 }
    )
  })
})
