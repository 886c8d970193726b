import type { Scene } from '../../../shared/export/scene'
import type { Band } from './canvasScene'
import type { BandReply, BandRequest } from './bandWorker'

/**
 * Workers that draw bands of scenes, for any number of images at once: the
 * export dialog's previews and the export that follows share them for as
 * long as the dialog is open. Bands go out first come, first served, so an
 * export clicked while a preview is drawing starts on the worker the preview
 * leaves idle, rather than waiting for the preview (600 ms of an idle core
 * for the 1,000-card benchmark board). A scene is handed over once, and let
 * go when a newer one is drawn and no image of it is left.
 */

/** What the pool needs of a worker: a Worker, or a stand-in in tests. */
export interface BandWorker {
  postMessage(message: BandRequest): void
  onmessage: ((event: MessageEvent<BandReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

export type DrawnBand = Extract<BandReply, { type: 'band' }>

/** The image did not fit in memory at this size; a smaller one may. */
export class OutOfMemoryError extends Error {
  override name = 'OutOfMemoryError'
}

/** Bands each worker has been asked for, so it never waits for the next request. */
const QUEUED_PER_WORKER = 2

interface Job {
  id: number
  scene: number
  bands: readonly Band[]
  image: { scale: number; width: number }
  /** The next band to hand out. */
  next: number
  drawn: DrawnBand[]
  received: number
  onBand: ((done: number, of: number) => void) | undefined
  resolve: (bands: DrawnBand[]) => void
  reject: (err: unknown) => void
}

export class BandPool {
  private readonly asked: Map<BandWorker, number>
  /** Images being drawn, oldest first: their bands are handed out in that order. */
  private jobs: Job[] = []
  private nextJob = 0
  /** The scene handed over last, and its id. */
  private latest: { scene: Scene; id: number } | null = null
  private nextScene = 0
  private warmed = false
  private released = false
  private failure: Error | null = null

  /** `handOver` makes the message that gives the workers a scene under an id. */
  constructor(
    private readonly workers: readonly BandWorker[],
    private readonly handOver: (scene: Scene, id: number) => BandRequest
  ) {
    this.asked = new Map(workers.map((w) => [w, 0]))
    for (const worker of workers) {
      worker.onmessage = (event) => this.received(worker, event.data)
      worker.onerror = (event) => this.broke(new Error(event.message || 'the drawing worker stopped'))
    }
  }

  /** Whether it can take more images: not released, no worker lost. */
  get usable(): boolean {
    return !this.released && !this.failure
  }

  /**
   * Every band drawn, in order. Rejects with OutOfMemoryError when a band cannot be
   * allocated, another Error when it cannot be drawn, the signal's reason when aborted.
   */
  draw(
    scene: Scene,
    bands: readonly Band[],
    image: { scale: number; width: number },
    options: { onBand?: (done: number, of: number) => void; signal?: AbortSignal } = {}
  ): Promise<DrawnBand[]> {
    const { onBand, signal } = options
    if (this.failure) return Promise.reject(this.failure)
    if (this.released) return Promise.reject(new Error('the drawing workers were let go'))
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextJob++, scene: this.sceneId(scene), bands, image, next: 0, drawn: [], received: 0, onBand, resolve, reject }
      if (bands.length === 0) return resolve([])
      this.jobs.push(job)
      signal?.addEventListener('abort', () => this.end(job, signal.reason), { once: true })
      this.pump()
    })
  }

  /** The scene's id in the workers, handing it over if it is not the latest. */
  private sceneId(scene: Scene): number {
    if (this.latest?.scene === scene) return this.latest.id
    const previous = this.latest
    this.latest = { scene, id: this.nextScene++ }
    const message = this.handOver(scene, this.latest.id)
    for (const worker of this.workers) worker.postMessage(message)
    if (previous) this.forgetUnused(previous.id)
    return this.latest.id
  }

  /** Lets the workers drop a scene that is not the latest once no image of it is being drawn. */
  private forgetUnused(id: number): void {
    if (id === this.latest?.id || this.jobs.some((j) => j.scene === id)) return
    // After the bands asked for before it, since each worker handles its messages in order.
    for (const worker of this.workers) worker.postMessage({ type: 'forget', scene: id })
  }

  /** Stops the workers once the images being drawn are done (at once if none is). */
  release(): void {
    this.released = true
    if (this.jobs.length === 0) this.terminate()
  }

  /** Deals bands round the workers, one each at a time, up to QUEUED_PER_WORKER each. */
  private pump(): void {
    for (let depth = 1; depth <= QUEUED_PER_WORKER; depth++) {
      for (const worker of this.workers) {
        if ((this.asked.get(worker) ?? 0) >= depth) continue
        const job = this.jobs.find((j) => j.next < j.bands.length)
        if (!job) return
        const index = job.next++
        this.asked.set(worker, (this.asked.get(worker) ?? 0) + 1)
        worker.postMessage({ type: 'band', scene: job.scene, job: job.id, index, last: index === job.bands.length - 1, ...job.image, ...(job.bands[index] as Band) })
      }
    }
  }

  private received(worker: BandWorker, reply: BandReply): void {
    this.asked.set(worker, Math.max(0, (this.asked.get(worker) ?? 1) - 1))
    // A band of an image aborted or failed meanwhile is dropped.
    const job = this.jobs.find((j) => j.id === reply.job)
    if (job && reply.type === 'failed') {
      this.end(job, reply.outOfMemory ? new OutOfMemoryError(reply.message) : new Error(reply.message))
    } else if (job && reply.type === 'band') {
      job.drawn[reply.index] = reply
      job.received++
      try {
        job.onBand?.(job.received, job.bands.length)
      } catch (err) {
        this.end(job, err) // a throwing listener ends the image with its error
      }
      if (job.received === job.bands.length) this.end(job)
    }
    this.pump()
  }

  /** Takes the job out, resolved when no error is given; its bands still out are dropped on their return. */
  private end(job: Job, error?: unknown): void {
    if (!this.jobs.includes(job)) return
    this.jobs = this.jobs.filter((j) => j !== job)
    if (error === undefined) job.resolve(job.drawn)
    else job.reject(error)
    this.forgetUnused(job.scene)
    if (this.released && this.jobs.length === 0) this.terminate()
    else if (!this.warmed && !this.failure && this.jobs.length === 0) {
      // The first time there is nothing to draw (a preview is shown): time to get the compressor compiled.
      this.warmed = true
      for (const worker of this.workers) worker.postMessage({ type: 'warm' })
    }
  }

  private broke(error: Error): void {
    this.failure = error
    for (const job of this.jobs) this.end(job, error)
    this.terminate()
  }

  private terminate(): void {
    for (const worker of this.workers) worker.terminate()
  }
}
