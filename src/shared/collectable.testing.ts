import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// V8's gc() for a test: exposed at run time, then fetched from a fresh context, where it is defined.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * Whether what `ref` points to can be garbage-collected now. A WeakRef keeps its target alive
 * until the end of the task that made or read it, so this waits a task before collecting.
 */
export async function collectable(ref: WeakRef<object>): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  gc()
  return ref.deref() === undefined
}
