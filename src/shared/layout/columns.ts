/**
 * A quick layered layout for maps too big for ELK to finish in reasonable time:
 * columns by longest path (so each box stands right of everything it comes
 * after, like ELK's columns), an order within each column from a few
 * barycentre sweeps, and boxes stacked top-down. Linear per sweep.
 * Expects an acyclic edge list (see essentialEdges).
 */
export interface ColumnBox {
  id: string
  width: number
  height: number
}

export function columnLayout(
  boxes: readonly ColumnBox[],
  edges: readonly { source: string; target: string }[],
  gap: number
): { at: Map<string, { x: number; y: number }>; width: number; height: number } {
  const index = new Map(boxes.map((b, i) => [b.id, i]))
  const n = boxes.length
  const succ: number[][] = boxes.map(() => [])
  const pred: number[][] = boxes.map(() => [])
  const indegree = new Int32Array(n)
  for (const e of edges) {
    const s = index.get(e.source)
    const t = index.get(e.target)
    if (s === undefined || t === undefined || s === t) continue
    succ[s]?.push(t)
    pred[t]?.push(s)
    indegree[t] = (indegree[t] as number) + 1
  }
  // Longest-path columns, in Kahn order.
  const column = new Int32Array(n)
  const queue: number[] = []
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i)
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number
    for (const w of succ[v] as number[]) {
      column[w] = Math.max(column[w] as number, (column[v] as number) + 1)
      indegree[w] = (indegree[w] as number) - 1
      if (indegree[w] === 0) queue.push(w)
    }
  }
  const columns: number[][] = []
  for (let i = 0; i < n; i++) (columns[column[i] as number] ??= []).push(i)

  // Barycentre sweeps: right, then left, twice. A box with no neighbours in the next column keeps its place.
  const position = new Float64Array(n)
  const renumber = (col: number[]): void => col.forEach((v, i) => (position[v] = i / Math.max(1, col.length - 1)))
  for (const col of columns) if (col) renumber(col)
  const sweep = (col: number[], neighbours: number[][]): void => {
    const key = new Map<number, number>()
    for (const v of col) {
      const ns = neighbours[v] as number[]
      key.set(v, ns.length ? ns.reduce((s, w) => s + (position[w] as number), 0) / ns.length : (position[v] as number))
    }
    col.sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || a - b)
    renumber(col)
  }
  for (let round = 0; round < 2; round++) {
    for (let c = 1; c < columns.length; c++) if (columns[c]) sweep(columns[c] as number[], pred)
    for (let c = columns.length - 2; c >= 0; c--) if (columns[c]) sweep(columns[c] as number[], succ)
  }

  const at = new Map<string, { x: number; y: number }>()
  let x = 0
  let height = 0
  for (const col of columns) {
    if (!col) continue
    let y = 0
    let width = 0
    for (const v of col) {
      const box = boxes[v] as ColumnBox
      at.set(box.id, { x, y })
      y += box.height + gap
      width = Math.max(width, box.width)
    }
    height = Math.max(height, y - gap)
    x += width + gap * 2
  }
  return { at, width: Math.max(0, x - gap * 2), height }
}
