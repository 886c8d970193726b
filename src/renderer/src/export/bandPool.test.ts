import { describe, expect, it } from 'vitest'
import { BandPool, OutOfMemoryError, type BandWorker } from './bandPool'
import type { Scene } from '../../../shared/export/scene'
import type { BandReply, BandRequest } from './bandWorker'

type BandAsked = Extract<BandRequest, { type: 'band' }>

/** A worker that answers only when the test says so. */
class FakeWorker implements BandWorker {
  onmessage: ((event: MessageEvent<BandReply>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  asked: BandAsked[] = []
  /** Everything but bands, in order. */
  told: BandRequest[] = []
  terminated = false

  /** Every band asked for, answered or not. */
  history: BandAsked[] = []

  postMessage(message: BandRequest): void {
    if (message.type !== 'band') return void this.told.push(message)
    this.asked.push(message)
    this.history.push(message)
  }

  terminate(): void {
    this.terminated = true
  }

  /** Answers the oldest band asked for and not answered yet. */
  draw(): BandAsked {
    const band = this.asked.shift()
    if (!band) throw new Error('nothing asked of this worker')
    this.send({ type: 'band', job: band.job, index: band.index, chunk: new Uint8Array([band.index]), adler: 1, length: 0 })
    return band
  }

  fail(outOfMemory: boolean): void {
    const band = this.asked.shift()
    if (!band) throw new Error('nothing asked of this worker')
    this.send({ type: 'failed', job: band.job, message: 'no canvas', outOfMemory })
  }

  send(reply: BandReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<BandReply>)
  }
}

const bands = (n: number) => Array.from({ length: n }, (_, i) => ({ top: i * 10, rows: 10 }))
const image = { scale: 2, width: 100 }
const indexes = (drawn: { index: number }[]) => drawn.map((b) => b.index)

/** A stand-in scene: the pool only tells scenes apart by identity. */
const newScene = (width = 100): Scene => ({ width, height: 50, origin: { x: 0, y: 0 }, background: '#ffffff', groups: [] }) as unknown as Scene
const scene = newScene()

function pool(workers = 2): { pool: BandPool; workers: FakeWorker[] } {
  const fakes = Array.from({ length: workers }, () => new FakeWorker())
  return { pool: new BandPool(fakes, (s, id) => ({ type: 'scene', id, scene: s, outlines: [] })), workers: fakes }
}

/** Answers every band asked of the workers, in turns, until none is left. */
function drawAll(...workers: (FakeWorker | undefined)[]): void {
  while (workers.some((w) => w?.asked.length)) for (const w of workers) if (w?.asked.length) w.draw()
}

describe('BandPool', () => {
  it('deals bands one to each worker first, two at most each, and returns them in order', async () => {
    const { pool: p, workers: [a, b] } = pool()
    const seen: number[] = []
    const drawn = p.draw(scene, bands(5), image, { onBand: (done) => seen.push(done) })
    expect(a?.asked.map((r) => r.index)).toEqual([0, 2])
    expect(b?.asked.map((r) => r.index)).toEqual([1, 3])
    b?.draw() // band 1 before band 0
    expect(b?.asked.map((r) => r.index)).toEqual([3, 4])
    a?.draw()
    a?.draw()
    b?.draw()
    b?.draw()
    expect(indexes(await drawn)).toEqual([0, 1, 2, 3, 4])
    expect(seen).toEqual([1, 2, 3, 4, 5])
  })

  it('marks the last band of each image', () => {
    const { pool: p, workers: [a, b] } = pool()
    void p.draw(scene, bands(3), image)
    expect([...(a?.asked ?? []), ...(b?.asked ?? [])].filter((r) => r.last).map((r) => r.index)).toEqual([2])
  })

  it('starts a second image at once on the workers the first leaves idle', async () => {
    const { pool: p, workers: [a, b] } = pool()
    const preview = p.draw(scene, bands(1), { scale: 0.1, width: 10 })
    const exported = p.draw(scene, bands(4), image)
    // The preview's one band went to a; the export has b, and a's second place, without waiting.
    expect(a?.asked.map((r) => [r.job, r.index])).toEqual([[0, 0], [1, 1]])
    expect(b?.asked.map((r) => [r.job, r.index])).toEqual([[1, 0], [1, 2]])
    a?.draw()
    expect(indexes(await preview)).toEqual([0])
    drawAll(a, b)
    expect(indexes(await exported)).toEqual([0, 1, 2, 3])
  })

  it('fails only the image whose band failed, out of memory as such', async () => {
    const { pool: p, workers: [a, b] } = pool()
    const big = p.draw(scene, bands(2), image)
    const small = p.draw(scene, bands(2), { scale: 0.5, width: 25 })
    a?.fail(true) // big's band 0
    await expect(big).rejects.toBeInstanceOf(OutOfMemoryError)
    b?.draw() // big's band 1, dropped
    drawAll(a, b)
    expect(indexes(await small)).toEqual([0, 1])
    expect(p.usable).toBe(true)
  })

  it('stops handing out an aborted image, and drops its bands still out', async () => {
    const { pool: p, workers: [a, b] } = pool(1)
    const stop = new AbortController()
    const aborted = p.draw(scene, bands(5), image, { signal: stop.signal })
    const next = p.draw(scene, bands(1), image)
    stop.abort(new Error('settings changed'))
    await expect(aborted).rejects.toThrow('settings changed')
    expect(b).toBeUndefined()
    a?.draw()
    a?.draw() // the aborted image's two bands; the next image's band comes after them
    expect(a?.asked.map((r) => r.job)).toEqual([1])
    a?.draw()
    expect(indexes(await next)).toEqual([0])
  })

  it('hands a scene over once, and lets it go once a newer one is drawn and none of its images is left', async () => {
    const { pool: p, workers: [a, b] } = pool()
    const other = newScene(200)
    const drawn = [p.draw(scene, bands(2), image), p.draw(scene, bands(2), image), p.draw(other, bands(2), image)]
    expect(a?.told).toEqual([
      { type: 'scene', id: 0, scene, outlines: [] },
      { type: 'scene', id: 1, scene: other, outlines: [] }
    ])
    drawAll(a, b)
    await Promise.all(drawn)
    expect([...(a?.history ?? []), ...(b?.history ?? [])].map((r) => `${r.job}:${r.scene}`).sort()).toEqual(['0:0', '0:0', '1:0', '1:0', '2:1', '2:1'])
    // Scene 0 is forgotten after its last image, then the first time nothing is left the workers warm up.
    expect(b?.told.slice(2)).toEqual([{ type: 'forget', scene: 0 }, { type: 'warm' }])
    const again = p.draw(other, bands(1), image)
    drawAll(a, b)
    await again
    expect(b?.told).toHaveLength(4) // the same scene again, and no second warm-up
  })

  it('after release, stops the workers once the images being drawn are done', async () => {
    const { pool: p, workers: [a, b] } = pool()
    const drawn = p.draw(scene, bands(2), image)
    p.release()
    expect(p.usable).toBe(false)
    await expect(p.draw(scene, bands(1), image)).rejects.toThrow('let go')
    expect(a?.terminated).toBe(false)
    a?.draw()
    b?.draw()
    await drawn
    expect([a?.terminated, b?.terminated]).toEqual([true, true])
  })

  it('rejects every image and stops when a worker dies', async () => {
    const { pool: p, workers: [a, b] } = pool()
    const one = p.draw(scene, bands(2), image)
    const two = p.draw(scene, bands(2), image)
    a?.onerror?.({ message: 'worker crashed' } as ErrorEvent)
    await expect(one).rejects.toThrow('worker crashed')
    await expect(two).rejects.toThrow('worker crashed')
    expect([a?.terminated, b?.terminated, p.usable]).toEqual([true, true, false])
    expect(b?.told.map((m) => m.type)).toEqual(['scene']) // no warm-up asked of a stopped worker
  })
})
