/**
 * The timer's end, as sound made on the spot with the Web Audio API: three
 * soft bell tones, no audio file, nothing fetched.
 */

let audio: AudioContext | null = null

/** Call from a click (Start, a preset): browsers only let a page start sound after a gesture. */
export function primeAudio(): void {
  try {
    audio ??= new AudioContext()
    if (audio.state === 'suspended') void audio.resume()
  } catch {
    // No audio device: the timer still shows "Time's up".
  }
}

const notes = [880, 1108.73, 1318.51] // A5, C#6, E6: a major chord, rising

export function playChime(): void {
  primeAudio()
  if (!audio) return
  const start = audio.currentTime + 0.05
  notes.forEach((frequency, i) => {
    if (!audio) return
    const at = start + i * 0.25
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.type = 'sine'
    tone.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, at)
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.6)
    tone.connect(gain).connect(audio.destination)
    tone.start(at)
    tone.stop(at + 1.7)
  })
}
