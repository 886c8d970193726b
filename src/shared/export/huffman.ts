/**
 * Huffman codes for deflate (RFC 1951): code lengths limited to a maximum,
 * and the canonical codes those lengths stand for, bit-reversed because
 * deflate writes codes from their most significant bit into an LSB-first
 * stream.
 */

type Counts = Int32Array | Uint16Array | Uint32Array

/** counts[i] += by (indexing a typed array may be out of range, as far as the type checker knows). */
export function add(counts: Counts, i: number, by: number): void {
  counts[i] = (counts[i] as number) + by
}

/**
 * Code lengths for the symbols' frequencies, none longer than `limit`: 0 for an
 * unused symbol. A lone used symbol gets a partner of length 1, since a code of
 * one 1-bit symbol is incomplete and some decoders refuse it.
 */
export function codeLengths(freq: ArrayLike<number>, limit: number): Uint8Array {
  const lengths = new Uint8Array(freq.length)
  const used: number[] = []
  for (let s = 0; s < freq.length; s++) if ((freq[s] as number) > 0) used.push(s)
  if (used.length === 0) return lengths
  if (used.length === 1) {
    const only = used[0] as number
    lengths[only] = 1
    lengths[only === 0 ? 1 : 0] = 1
    return lengths
  }
  // Least frequent first; the two-queue merge then builds the tree in linear time.
  used.sort((a, b) => (freq[a] as number) - (freq[b] as number) || a - b)
  const n = used.length
  const weight = new Float64Array(2 * n - 1)
  const parent = new Int32Array(2 * n - 1)
  for (let i = 0; i < n; i++) weight[i] = freq[used[i] as number] as number
  let leaf = 0
  let inner = n
  const takeSmallest = (made: number): number => (leaf < n && (inner >= made || (weight[leaf] as number) <= (weight[inner] as number)) ? leaf++ : inner++)
  for (let made = n; made < 2 * n - 1; made++) {
    const a = takeSmallest(made)
    const b = takeSmallest(made)
    weight[made] = (weight[a] as number) + (weight[b] as number)
    parent[a] = made
    parent[b] = made
  }
  // Depth of each leaf; inner nodes are made after their children, so walk from the root down.
  const depth = new Int32Array(2 * n - 1)
  for (let node = 2 * n - 3; node >= 0; node--) depth[node] = (depth[parent[node] as number] as number) + 1
  const count = new Int32Array(Math.max(limit, n) + 1)
  for (let i = 0; i < n; i++) add(count, depth[i] as number, 1)
  limitLengths(count, limit)
  // The shortest codes to the most frequent symbols.
  let length = 1
  for (let i = n - 1; i >= 0; i--) {
    while ((count[length] as number) === 0) length++
    lengths[used[i] as number] = length
    add(count, length, -1)
  }
  return lengths
}

/**
 * Moves codes longer than `limit` up into shorter lengths while keeping the code
 * complete (JPEG's method, ITU T.81 Annex K.3): each step takes a pair of the
 * longest codes, keeps one a level up and hangs the other with a code made
 * one bit longer.
 */
function limitLengths(count: Int32Array, limit: number): void {
  for (let i = count.length - 1; i > limit; i--) {
    while ((count[i] as number) > 0) {
      let j = i - 2
      while ((count[j] as number) === 0) j--
      add(count, i, -2)
      add(count, i - 1, 1)
      add(count, j + 1, 2)
      add(count, j, -1)
    }
  }
}

/** The canonical codes for the lengths, each bit-reversed to be written LSB first. */
export function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const maxLength = lengths.reduce((m, l) => Math.max(m, l), 0)
  const count = new Uint16Array(maxLength + 1)
  for (const l of lengths) if (l) add(count, l, 1)
  const next = new Uint16Array(maxLength + 2)
  for (let bits = 1, code = 0; bits <= maxLength; bits++) {
    code = (code + (count[bits - 1] ?? 0)) << 1
    next[bits] = code
  }
  const codes = new Uint16Array(lengths.length)
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s] as number
    if (!l) continue
    let code = next[l] as number
    add(next, l, 1)
    let reversed = 0
    for (let b = 0; b < l; b++) {
      reversed = (reversed << 1) | (code & 1)
      code >>= 1
    }
    codes[s] = reversed
  }
  return codes
}
