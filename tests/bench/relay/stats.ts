export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export const median = (values: readonly number[]): number => percentile(values, 50)

/**
 * One figure line: each relay's value and Tavolo's ratio to the best of the others. Values named
 * "Tavolo, …" (Tavolo run another way) get a line of their own with their ratio to the same peers.
 */
export function printFigure(title: string, unit: string, values: Record<string, number>, lowerIsBetter = true): void {
  const isTavolo = (name: string) => name === 'Tavolo' || name.startsWith('Tavolo, ')
  const peers = Object.entries(values).filter(([name]) => !isTavolo(name)).map(([, value]) => value)
  const best = lowerIsBetter ? Math.min(...peers) : Math.max(...peers)
  const cells = Object.entries(values).filter(([name]) => !name.startsWith('Tavolo, ')).map(([name, value]) => `${name} ${format(value)} ${unit}`).join(' · ')
  console.log(`${title}\n  ${cells} → Tavolo / best peer ${(values.Tavolo / best).toFixed(2)}×`)
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith('Tavolo, ')) console.log(`  ${name}: ${format(value)} ${unit} → ${(value / best).toFixed(2)}× the best peer`)
  }
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
}
