/**
 * Which numbered updates of a board's stored log a room's document holds. `through`: every
 * update up to it. Updates from other instances can arrive out of order or not at all (a lost
 * Redis message); a number held beyond a missing one is a gap, filled from storage.
 */
export class LogPosition {
  private readonly ahead = new Set<number>()

  constructor(private reached: number) {}

  get through(): number {
    return this.reached
  }

  /** True while some update after `through` is missing but a later one is held. */
  get hasGap(): boolean {
    return this.ahead.size > 0
  }

  /** The document now holds updates `from` … `to`. */
  add(from: number, to: number): void {
    for (let seq = Math.max(from, this.reached + 1); seq <= to; seq++) this.ahead.add(seq)
    this.advance()
  }

  /** The document now holds every update up to `seq` (read from storage). */
  reach(seq: number): void {
    if (seq <= this.reached) return
    this.reached = seq
    for (const held of this.ahead) if (held <= seq) this.ahead.delete(held)
    this.advance()
  }

  private advance(): void {
    while (this.ahead.delete(this.reached + 1)) this.reached++
  }
}
