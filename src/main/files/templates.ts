import fs from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { TemplateInfo, TemplateList, TemplateOutcome } from '../../shared/api'
import { boardPreview } from '../../shared/preview'
import { readBoardFile } from './boardFiles'

/**
 * The templates shipped in resources/templates: board files plus index.json,
 * which names and describes each one and sets their order on the start screen.
 * Only ids listed in the index are ever read, so a caller cannot name a path.
 */

export const TEMPLATE_INDEX = 'index.json'

const templateId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"').max(80)

export const templateIndexSchema = z
  .array(
    z.strictObject({
      id: templateId,
      name: z.string().min(1).max(80),
      description: z.string().min(1).max(300)
    })
  )
  .min(1)
  .max(100)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>()
    entries.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `lists "${e.id}" twice`, path: [i, 'id'] })
      seen.add(e.id)
    })
  })

export type TemplateIndexEntry = z.infer<typeof templateIndexSchema>[number]

export type IndexResult = { ok: true; entries: TemplateIndexEntry[] } | { ok: false; message: string }

export async function readTemplateIndex(folder: string): Promise<IndexResult> {
  let text: string
  try {
    text = await fs.readFile(join(folder, TEMPLATE_INDEX), 'utf8')
  } catch (err) {
    return { ok: false, message: `The templates could not be found (${err instanceof Error ? err.message : String(err)}).` }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return { ok: false, message: `The list of templates is damaged (${err instanceof Error ? err.message : String(err)}).` }
  }
  const parsed = templateIndexSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, message: `The list of templates is damaged: ${issue?.message ?? 'unknown problem'} (at ${issue?.path.join('.') || 'the top level'}).` }
  }
  return { ok: true, entries: parsed.data }
}

export const templateFile = (folder: string, id: string): string => join(folder, `${id}.orgboard`)

/** Every template in the index with a thumbnail; one that cannot be read is left out and named in `problems`. */
export async function listTemplates(folder: string): Promise<TemplateList> {
  const index = await readTemplateIndex(folder)
  if (!index.ok) return { status: 'failed', message: index.message }
  const templates: TemplateInfo[] = []
  const problems: string[] = []
  for (const entry of index.entries) {
    const result = await readBoardFile(templateFile(folder, entry.id))
    if (result.ok) templates.push({ ...entry, preview: boardPreview(result.board) })
    else problems.push(result.message)
  }
  return { status: 'listed', templates, problems }
}

/** A template's board, to start a new board from; the id must be one the index lists. */
export async function readTemplate(folder: string, id: string): Promise<TemplateOutcome> {
  const index = await readTemplateIndex(folder)
  if (!index.ok) return { status: 'failed', message: index.message }
  const entry = index.entries.find((e) => e.id === id)
  if (!entry) return { status: 'failed', message: `There is no template "${id}".` }
  const result = await readBoardFile(templateFile(folder, entry.id))
  if (!result.ok) return { status: 'failed', message: result.message }
  return { status: 'opened', name: entry.name, board: result.board }
}
