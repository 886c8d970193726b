import type { Board } from '../../src/shared/board'

/** What the runner calls on a baseline page (Orgboard is driven through its own menu instead). */
export interface BenchPage {
  /** Reads a board file from the page's server and draws it. Resolves once the page asked to draw it. */
  open(url: string): Promise<void>
  /** Optional: the viewport in React Flow terms, for pages that are not React Flow. */
  viewport?(): { x: number; y: number; zoom: number; left: number; top: number }
  /** Set once the page has asked its library to draw the board. */
  loaded: boolean
}

declare global {
  interface Window {
    __bench: BenchPage
  }
}

/** "File read → parse": the baselines do not validate, so they get the library's floor. */
export async function readBoard(url: string): Promise<Board> {
  const response = await fetch(url)
  return JSON.parse(await response.text()) as Board
}
