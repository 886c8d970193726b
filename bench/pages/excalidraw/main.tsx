import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Excalidraw, convertToExcalidrawElements, restoreElements } from '@excalidraw/excalidraw'
import type { ExcalidrawElementSkeleton } from '@excalidraw/excalidraw/data/transform'
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import '@excalidraw/excalidraw/index.css'
import '../shared.css'
import { borderPoint, center } from '../../../src/shared/geometry'
import { cardKind, relationKind } from '../../../src/shared/kinds'
import { readBoard } from '../pageApi'

/**
 * The peer a facilitator would pick instead: Excalidraw, one labelled rectangle per
 * card and one bound, labelled arrow per relation, drawn on its canvas.
 */
let api: ExcalidrawImperativeAPI | null = null

async function toElements(url: string): Promise<string> {
  const board = await readBoard(url)
  // Labels are wrapped by measuring text: the hand-drawn font must be there first.
  await document.fonts.load('20px Excalifont', 'Route Optimiser')
  await document.fonts.ready
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  const skeleton: ExcalidrawElementSkeleton[] = [
    ...board.cards.map(
      (c): ExcalidrawElementSkeleton => ({
        type: 'rectangle',
        id: c.id,
        x: c.x,
        y: c.y,
        width: c.width,
        height: c.height,
        strokeColor: cardKind(c.kind).color,
        backgroundColor: cardKind(c.kind).fill,
        fillStyle: 'solid',
        label: { text: c.title }
      })
    ),
    ...board.relations.map((r): ExcalidrawElementSkeleton => {
      // Excalidraw keeps the arrow bound to both cards but takes its first shape from here.
      const a = byId.get(r.from)
      const b = byId.get(r.to)
      const start = a && b ? borderPoint(a, center(b)) : { x: 0, y: 0 }
      const end = a && b ? borderPoint(b, center(a)) : { x: 100, y: 0 }
      return {
        type: 'arrow',
        id: r.id,
        x: start.x,
        y: start.y,
        width: end.x - start.x,
        height: end.y - start.y,
        strokeColor: relationKind(r.kind).color,
        start: { id: r.from },
        end: { id: r.to },
        ...(r.label ? { label: { text: r.label } } : {})
      }
    })
  ]
  return JSON.stringify({ type: 'excalidraw', version: 2, elements: convertToExcalidrawElements(skeleton), viewport: board.viewport })
}

window.__bench = {
  loaded: false,
  /** url is an .excalidraw file made once beforehand by `convert`; opening it is read → parse → restore → draw. */
  async open(url) {
    const text = await (await fetch(url)).text()
    const file = JSON.parse(text) as { elements: Parameters<typeof restoreElements>[0]; viewport: { x: number; y: number; zoom: number } }
    const { x, y, zoom } = file.viewport
    api?.updateScene({
      elements: restoreElements(file.elements, null),
      appState: { scrollX: x / zoom, scrollY: y / zoom, zoom: { value: zoom as never } }
    })
    this.loaded = true
  },
  viewport() {
    const s = api?.getAppState()
    if (!s) return { x: 0, y: 0, zoom: 1, left: 0, top: 0 }
    const zoom = s.zoom.value
    return { x: s.scrollX * zoom, y: s.scrollY * zoom, zoom, left: s.offsetLeft, top: s.offsetTop }
  }
}
;(window as unknown as { __benchConvert: typeof toElements }).__benchConvert = toElements

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <div className="pane">
      <Excalidraw excalidrawAPI={(a) => (api = a)} />
    </div>
  </StrictMode>
)
