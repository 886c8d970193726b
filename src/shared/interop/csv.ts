/**
 * A strict CSV reader (RFC 4180): quoted fields with "" for a quote, commas and
 * line breaks inside quotes, CRLF or LF, a leading byte-order mark. Semicolons
 * separate instead of commas when the header uses them (spreadsheets in many
 * European locales save CSV that way).
 */
export type CsvResult = { ok: true; rows: string[][] } | { ok: false; problem: string }

export function parseCsv(text: string): CsvResult {
  const input = text.replace(/^\uFEFF/, '')
  const firstLine = input.slice(0, input.search(/\r?\n|$/))
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let line = 1
  let i = 0
  const endField = (): void => {
    row.push(field)
    field = ''
  }
  const endRow = (): void => {
    endField()
    rows.push(row)
    row = []
  }
  while (i < input.length) {
    const ch = input[i] as string
    if (ch === '"' && field === '') {
      // A quoted field: runs to the next lone quote.
      const startLine = line
      i++
      for (;;) {
        if (i >= input.length) return { ok: false, problem: `line ${startLine}: a quoted field is never closed (a " is missing)` }
        const c = input[i] as string
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (c === '\n') line++
        field += c
        i++
      }
      const next = input[i]
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        return { ok: false, problem: `line ${line}: text follows a closing quote (write "" for a quote inside a quoted field)` }
      }
      // An empty quoted field still counts as a field, even when it is the whole row.
      if (field === '') field = '\u0000'
      continue
    }
    if (ch === '"') return { ok: false, problem: `line ${line}: a quote in the middle of a field (put the field in quotes and write "" for the quote)` }
    if (ch === delimiter) {
      endField()
      i++
    } else if (ch === '\r' || ch === '\n') {
      endRow()
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1
      line++
    } else {
      field += ch
      i++
    }
  }
  if (field !== '' || row.length > 0) endRow()
  // Blank lines are no rows; the marker for an empty quoted field goes back to empty.
  return {
    ok: true,
    rows: rows.filter((r) => !(r.length === 1 && r[0] === '')).map((r) => r.map((f) => (f === '\u0000' ? '' : f)))
  }
}
