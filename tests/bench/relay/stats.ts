export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export const median = (values: readonly number[]): number => percentile(values, 50)

/** One figure line: each relay's value and Tavolo's ratio to the best of the others. */
export function printFigure(title: string, unit: string, values: Record<string, number>, lowerIsBetter = true): void {
  const { Tavolo, ...peers } = values
  const best = lowerIsBetter ? Math.min(...Object.values(peers)) : Math.max(...Object.values(peers))
  const cells = Object.entries(values).map(([name, value]) => `${name} ${format(value)} ${unit}`).join(' · ')
  console.log(`${title}\n  ${cells} → Tavolo / best peer ${(Tavolo / best).toFixed(2)}×`)
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
}
