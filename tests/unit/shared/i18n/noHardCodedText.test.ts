import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every word the UI shows comes from the catalogue: this reads the syntax tree of each client
// source and lists JSX text, user-facing attributes (aria-label, title, placeholder, alt…) and the
// messages of errors, alerts and error states written as literals. Text without letters (·, ×, %,
// →) is not language and may stay.

const ROOT = join(import.meta.dirname, '../../../..')
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label'])
/** Calls whose text argument reaches a person: an error thrown to the UI, an error state, a dialog, an error callback. */
const TEXT_CALLS = new Set(['Error', 'setError', 'setMessage', 'alert', 'confirm', 'prompt'])
const isTextCall = (name: string) => TEXT_CALLS.has(name) || /^on\w*Error$/.test(name)
/** Object properties that hold text a component shows (a table of labels, a message). */
const TEXT_PROPERTIES = new Set(['text', 'detail', 'label', 'title', 'message', 'description', 'hint'])
/** Errors that only a programming mistake throws, never shown to a person (file: message start). */
const DEVELOPER_ERRORS = [
  'client/src/facilitation/FacilitationContext.tsx: Only the facilitator changes the workshop session',
  'client/src/facilitation/FacilitationContext.tsx: useBoardFacilitation needs a FacilitationProvider',
  'client/src/levels/useLevels.tsx: the levels need a LevelsProvider',
  'client/src/sync/refCountedRegistry.ts: Nothing open under',
]
const hasWords = (text: string) => /\p{L}{2,}/u.test(text)

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return componentFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The hard-coded user-visible texts of one .ts or .tsx source, as "line: text". */
export function hardCodedTexts(fileName: string, source: string): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind)
  const found: string[] = []
  const report = (node: ts.Node, text: string) => {
    if (hasWords(text)) found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`)
  }
  /** A literal, or the literal parts of a template or of either branch of a condition. */
  const literalTexts = (expr: ts.Expression): string[] => {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text]
    if (ts.isTemplateExpression(expr)) return [[expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join('…')]
    if (ts.isConditionalExpression(expr)) return [...literalTexts(expr.whenTrue), ...literalTexts(expr.whenFalse)]
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) return literalTexts(expr.right)
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(expr.right)
    if (ts.isParenthesizedExpression(expr)) return literalTexts(expr.expression)
    return []
  }
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text)
    else if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      for (const text of literalTexts(node.expression)) report(node, text)
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer
      if (ts.isStringLiteral(init)) report(init, init.text)
      else if (ts.isJsxExpression(init) && init.expression) for (const text of literalTexts(init.expression)) report(init, text)
    } else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && isTextCall(calleeName(node.expression))) {
      for (const arg of node.arguments ?? []) for (const text of literalTexts(arg)) report(arg, text)
    } else if (ts.isPropertyAssignment(node) && TEXT_PROPERTIES.has(node.name.getText(file))) {
      for (const text of literalTexts(node.initializer)) report(node.initializer, text)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** `alert`, `window.alert` and `new Error` alike: the last name of the callee. */
function calleeName(expr: ts.Expression): string {
  if (ts.isIdentifier(expr)) return expr.text
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text
  return ''
}

const allows = (allowed: string, hit: string) => {
  const [file, message] = allowed.split(': ')
  return hit.startsWith(`${file}:`) && hit.split(': ').slice(1).join(': ').startsWith(message)
}

describe('no hard-coded UI text', () => {
  it('finds literal text where it is (so the check below can fail)', () => {
    const sample = `export const A = () => <p title="Close it" aria-label={ok ? 'Open' : t('x')}>Hello {name} · <b>{'World'}</b>{\`\${n} cards\`}</p>`
    expect(hardCodedTexts('sample.tsx', sample).sort()).toEqual(['1: Close it', '1: Hello', '1: Open', '1: World', '1: … cards'])
    expect(hardCodedTexts('ok.tsx', `export const B = () => <p title={t('a')}>{t('b')} · {n} × %</p>`)).toEqual([])
    const calls = `setError('Name missing'); window.alert(\`Saved \${n}\`); throw new Error(ok ? t('a') : 'Too late'); setError(null); setStep('busy')`
    expect(hardCodedTexts('calls.ts', calls).sort()).toEqual(['1: Name missing', '1: Saved …', '1: Too late'])
    const tables = `const LABELS = { on: { text: 'Connected', detail: 'edits are kept' }, off: { id: 'offline-badge' } }; opts.onUploadError(\`The image \${name} failed\`)`
    expect(hardCodedTexts('tables.ts', tables).sort()).toEqual(['1: Connected', '1: The image … failed', '1: edits are kept'])
  })

  // Parsing every component takes a few seconds on a busy machine.
  it('no source in client/src writes UI text outside the catalogue', { timeout: 30_000 }, () => {
    const hits = componentFiles(join(ROOT, 'client/src')).flatMap((path) =>
      hardCodedTexts(path, readFileSync(path, 'utf8')).map((hit) => `${relative(ROOT, path)}:${hit}`),
    )
    expect(hits.filter((hit) => !DEVELOPER_ERRORS.some((allowed) => allows(allowed, hit)))).toEqual([])
    // An allowance no code uses any more would let a new text through under its name.
    expect(DEVELOPER_ERRORS.filter((allowed) => !hits.some((hit) => allows(allowed, hit)))).toEqual([])
  })
})
