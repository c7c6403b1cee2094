// RFC 4180 CSV for spreadsheets. Text cells that a spreadsheet would run as a formula (starting
// with =, +, -, @, tab or CR) get a leading apostrophe (OWASP's advice against CSV injection);
// numbers are written as numbers, so a negative number stays a number.

export type CsvValue = string | number | null

/** UTF-8 byte order mark: without it Excel reads a CSV in the machine's legacy code page. */
export const CSV_BOM = '\uFEFF'
export const CSV_LINE_END = '\r\n'

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export function csvField(value: CsvValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One record with its CRLF line end. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CSV_LINE_END
}
