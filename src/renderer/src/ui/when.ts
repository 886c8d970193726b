/** "today at 10:42", "yesterday at 18:05", "on 3 Mar 2025 at 09:12", in the facilitator's locale. */
export function describeWhen(ms: number, now: number = Date.now()): string {
  const date = new Date(ms)
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  const day = (d: Date): string => d.toDateString()
  if (day(date) === day(new Date(now))) return `today at ${time}`
  if (day(date) === day(new Date(now - 24 * 60 * 60 * 1000))) return `yesterday at ${time}`
  return `on ${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })} at ${time}`
}

export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
