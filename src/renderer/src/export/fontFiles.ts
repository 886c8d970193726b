/// <reference types="vite/client" />
import { ExportFonts, exportFontSubsets, exportFontWeights, interFileName, type FontFile } from '../../../shared/export/fonts'

/**
 * The Inter WOFF files exports measure and outline text with, bundled into a
 * chunk that loads on the first export (about 0.5 MB). Inlined as data, so they
 * load the same way under app:// in the app, the dev server and the test harness.
 */
// Keep the braces in step with exportFontSubsets and exportFontWeights (a missing file fails the first export).
const sources = import.meta.glob<string>('../../../../node_modules/@fontsource/inter/files/inter-{latin,latin-ext,cyrillic,greek}-{400,500,600}-normal.woff', {
  query: '?inline',
  import: 'default'
})

function decodeDataUrl(url: string): ArrayBuffer {
  const base64 = url.slice(url.indexOf(',') + 1)
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes.buffer
}

let loaded: Promise<ExportFonts> | null = null

/** The export fonts, loaded once. */
export function exportFonts(): Promise<ExportFonts> {
  loaded ??= (async () => {
    const wanted = exportFontWeights.flatMap((weight) => exportFontSubsets.map((subset) => ({ weight, name: interFileName(subset, weight) })))
    const files: FontFile[] = await Promise.all(
      wanted.map(async ({ weight, name }) => {
        const entry = Object.entries(sources).find(([path]) => path.endsWith(`/${name}`))
        if (!entry) throw new Error(`The export font ${name} is missing from this build`)
        return { weight, bytes: decodeDataUrl(await entry[1]()) }
      })
    )
    return new ExportFonts(files)
  })()
  loaded.catch(() => {
    loaded = null
  })
  return loaded
}
