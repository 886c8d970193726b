import { StrictMode, useCallback, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { ReactFlow, applyNodeChanges, type Edge, type Node, type NodeChange, type Viewport } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import '../shared.css'
import type { Board } from '../../../src/shared/board'
import { readBoard } from '../pageApi'

/**
 * The library's floor: bare React Flow with its default nodes and edges, the same
 * graph and viewport as Orgboard, state memoised the way its docs recommend, no chrome.
 */
function toGraph(board: Board): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = board.cards.map((c) => ({
    id: c.id,
    position: { x: c.x, y: c.y },
    width: c.width,
    height: c.height,
    data: { label: c.title }
  }))
  const edges: Edge[] = board.relations.map((r) => ({ id: r.id, source: r.from, target: r.to, ...(r.label ? { label: r.label } : {}) }))
  return { nodes, edges }
}

let load: (board: Board) => void = () => {}

function Flow(): React.JSX.Element | null {
  const [graph, setGraph] = useState<{ nodes: Node[]; edges: Edge[]; viewport: Viewport } | null>(null)
  useEffect(() => {
    load = (board) => setGraph({ ...toGraph(board), viewport: board.viewport })
  }, [])
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setGraph((g) => (g ? { ...g, nodes: applyNodeChanges(changes, g.nodes) } : g)),
    []
  )
  if (!graph) return null
  return (
    <ReactFlow
      nodes={graph.nodes}
      edges={graph.edges}
      onNodesChange={onNodesChange}
      defaultViewport={graph.viewport}
      minZoom={0.05}
      maxZoom={4}
      panOnScroll
    />
  )
}

window.__bench = {
  loaded: false,
  async open(url) {
    load(await readBoard(url))
    this.loaded = true
  }
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <div className="pane">
      <Flow />
    </div>
  </StrictMode>
)
