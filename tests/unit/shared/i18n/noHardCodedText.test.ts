import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every word the UI shows comes from the catalogue: this reads each component's syntax tree and
// lists JSX text and user-facing attributes (aria-label, title, placeholder, alt…) written as
// literals. Text without letters (·, ×, %, →) is not language and may stay.

const ROOT = join(import.meta.dirname, '../../../..')
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label'])
const hasWords = (text: string) => /\p{L}{2,}/u.test(text)

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return componentFiles(path)
    return entry.name.endsWith('.tsx') ? [path] : []
  })
}

/** The hard-coded user-visible texts of one .tsx source, as "line: text". */
export function hardCodedTexts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const report = (node: ts.Node, text: string) => {
    if (hasWords(text)) found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`)
  }
  /** A literal, or the literal parts of a template or of either branch of a condition. */
  const literalTexts = (expr: ts.Expression): string[] => {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text]
    if (ts.isTemplateExpression(expr)) return [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)]
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
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('no hard-coded UI text', () => {
  it('finds literal text where it is (so the check below can fail)', () => {
    const sample = `export const A = () => <p title="Close it" aria-label={ok ? 'Open' : t('x')}>Hello {name} · <b>{'World'}</b>{\`\${n} cards\`}</p>`
    expect(hardCodedTexts('sample.tsx', sample).sort()).toEqual(['1: Close it', '1: Hello', '1: Open', '1: World', '1: cards'])
    expect(hardCodedTexts('ok.tsx', `export const B = () => <p title={t('a')}>{t('b')} · {n} × %</p>`)).toEqual([])
  })

  // Parsing every component takes a few seconds on a busy machine.
  it('no component in client/src writes UI text outside the catalogue', { timeout: 30_000 }, () => {
    const offenders = componentFiles(join(ROOT, 'client/src')).flatMap((path) =>
      hardCodedTexts(path, readFileSync(path, 'utf8')).map((hit) => `${relative(ROOT, path)}:${hit}`),
    )
    expect(offenders).toEqual([])
  })
})
