/** Exports that take longer than this show their progress; quicker ones finish without a flicker. */
export const PROGRESS_DELAY_MS = 1000

/**
 * Progress that only shows once the work has taken over a second: `show` gets
 * the current step then and at every later step, and null when the work is done.
 */
export function delayedProgress(show: (step: string | null) => void, delay = PROGRESS_DELAY_MS): { progress(step: string): void; done(): void } {
  let step = ''
  let visible = false
  const timer = setTimeout(() => {
    visible = true
    show(step)
  }, delay)
  return {
    progress: (next) => {
      step = next
      if (visible) show(step)
    },
    done: () => {
      clearTimeout(timer)
      if (visible) show(null)
    }
  }
}
