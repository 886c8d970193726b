import type { BoardApi } from '../../shared/api'

declare global {
  interface Window {
    /** Exposed by the preload (or the test harness); the renderer's only way to the main process. */
    boardApi?: BoardApi
  }
}

export {}
