/**
 * Milliseconds on the monotonic clock, for measuring intervals. performance.now() reads the same
 * clock, but its first use loads Node's perf_hooks (about 0.25 MB resident), which the relay does
 * not otherwise need.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
