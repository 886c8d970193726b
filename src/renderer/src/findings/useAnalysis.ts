import { analyseBoard, type BoardAnalysis } from '../../../shared/analysis'
import type { Board } from '../../../shared/board'
import type { EditorStore } from '../state/editorStore'
import { useEditor } from '../state/editorStore'

/**
 * One analysis per board object. Boards are immutable (every change makes a new
 * one), so the analysis runs once per change, however many components render.
 */
const cache = new WeakMap<Board, BoardAnalysis>()

export function analysisOf(board: Board): BoardAnalysis {
  let analysis = cache.get(board)
  if (!analysis) {
    analysis = analyseBoard(board)
    cache.set(board, analysis)
  }
  return analysis
}

/** The live analysis of the board being edited. */
export function useAnalysis(store: EditorStore): BoardAnalysis {
  return useEditor(store, (s) => analysisOf(s.history.present))
}
