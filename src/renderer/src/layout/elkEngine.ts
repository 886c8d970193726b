import ELK from 'elkjs/lib/elk-api.js'
import ElkWorker from 'elkjs/lib/elk-worker.min.js?worker'
import type { ElkEngine, ElkGraph } from '../../../shared/layout/layout'

/**
 * ELK in a web worker, so laying out a big board never freezes the canvas.
 * Should the worker not start (a stricter policy, an old runtime), the same
 * engine runs on the main thread instead: slower to show, never lost.
 */
let engine: ElkEngine | null = null

async function mainThreadEngine(): Promise<ElkEngine> {
  const { default: Bundled } = await import('elkjs/lib/elk.bundled.js')
  return new Bundled() as unknown as ElkEngine
}

export function elkEngine(): ElkEngine {
  if (engine) return engine
  let failed: ((error: Error) => void) | null = null
  let worker: ElkEngine
  try {
    worker = new ELK({
      workerFactory: () => {
        const w = new ElkWorker()
        w.addEventListener('error', (e) => failed?.(new Error(e.message || 'the layout worker did not start')))
        return w
      }
    }) as unknown as ElkEngine
  } catch {
    worker = { layout: async (graph) => (await mainThreadEngine()).layout(graph) }
  }
  engine = {
    layout: (graph: ElkGraph) =>
      new Promise<ElkGraph>((resolve, reject) => {
        failed = () => {
          // Fall back once, for good.
          engine = { layout: async (g) => (await mainThreadEngine()).layout(g) }
          engine.layout(graph).then(resolve, reject)
        }
        worker.layout(graph).then(resolve, reject)
      })
  }
  return engine
}
