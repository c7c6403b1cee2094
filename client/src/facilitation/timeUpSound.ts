// The time-up chime, made with WebAudio so the app downloads no sound file: three short tones.

let context: AudioContext | null = null

/**
 * Browsers keep audio silent until the person has interacted with the page: called from a click
 * (the sound toggle), it lets the later chime play.
 */
export function allowTimeUpSound(): void {
  try {
    context ??= new AudioContext()
    void context.resume()
  } catch {
    // No audio here: the chime is optional.
  }
}

export function playTimeUpSound(): void {
  try {
    context ??= new AudioContext()
    const start = context.currentTime
    ;[0, 0.25, 0.5].forEach((delay, i) => {
      const oscillator = context!.createOscillator()
      const gain = context!.createGain()
      oscillator.frequency.value = i === 2 ? 880 : 660
      gain.gain.setValueAtTime(0.0001, start + delay)
      gain.gain.exponentialRampToValueAtTime(0.3, start + delay + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + delay + 0.2)
      oscillator.connect(gain).connect(context!.destination)
      oscillator.start(start + delay)
      oscillator.stop(start + delay + 0.22)
    })
  } catch {
    // No audio device or autoplay blocked: the visual cue and the announcement remain.
  }
}
