type Listener = () => void

/**
 * Listeners filed by key (a card's id), so a change tells only those it concerns: with one
 * listener for all, each of hundreds of cards or relations on the canvas ran on every change.
 */
export class KeyedListeners {
  private byKey = new Map<string, Set<Listener>>()

  add(key: string, listener: Listener): () => void {
    const set = this.byKey.get(key) ?? new Set<Listener>()
    this.byKey.set(key, set)
    set.add(listener)
    return () => {
      set.delete(listener)
      // Only this key's current set: a spent unsubscribe called again must not drop a newer one.
      if (set.size === 0 && this.byKey.get(key) === set) this.byKey.delete(key)
    }
  }

  tell(key: string): void {
    this.byKey.get(key)?.forEach((l) => l())
  }
}
