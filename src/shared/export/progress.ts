/** Exports that take longer than this show their progress; quicker ones finish without a flicker. */
export const PROGRESS_DELAY_MS = 1000

/** A step of the work in words, and how much of it is done (0–1) where that is known. */
export interface ProgressStep {
  text: string
  done?: number
}

/**
 * Progress that only shows once the work has taken over a second: `show` gets
 * the current step then and at every later step, and null when the work is done.
 */
export function delayedProgress(show: (step: ProgressStep | null) => void, delay = PROGRESS_DELAY_MS): { progress(text: string, done?: number): void; done(): void } {
  let step: ProgressStep = { text: '' }
  let visible = false
  const timer = setTimeout(() => {
    visible = true
    show(step)
  }, delay)
  return {
    progress: (text, done) => {
      step = done === undefined ? { text } : { text, done }
      if (visible) show(step)
    },
    done: () => {
      clearTimeout(timer)
      if (visible) show(null)
    }
  }
}
