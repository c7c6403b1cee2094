import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MIN_BOARD_BYTES, SETTINGS, readConfig } from '../../../server/src/config'
import { languages } from '../../../shared/src/i18n/index'
import { TEMPLATE_IDS, seedBoardDoc } from '../../../shared/src/templates/index'

const README = fs.readFileSync(path.resolve('README.md'), 'utf8')
// Read by `npm run dev`'s script, not by the server.
const DEV_SCRIPT_SETTINGS = ['TAVOLO_DEV_API_PORT']

/** README's settings table as { name, default, doc }, without markdown (code, links) and unit notes. */
function readmeSettings() {
  const section = README.slice(README.indexOf('## Settings'))
  const rows = section.slice(0, section.indexOf('\n## ')).split('\n').filter((line) => /^\| `/.test(line))
  return rows.map((line) => {
    const [name, fallback, doc] = line.split(' | ').map((cell) => cell.replace(/^\| |\|$/g, '').replaceAll('`', '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim())
    return { name, default: fallback === 'none' ? '' : fallback.replace(/ \(.*\)$/, ''), doc }
  })
}

describe('server settings', () => {
  it('README lists exactly the settings of the table, with the same defaults and meanings', () => {
    const documented = readmeSettings().filter((row) => !DEV_SCRIPT_SETTINGS.includes(row.name))
    expect(documented).toEqual(SETTINGS.map((row) => ({ name: row.name, default: row.default, doc: row.doc })))
  })

  it("README's other rows are the variables `npm run dev`'s script reads, with the defaults it uses", () => {
    const devRows = readmeSettings().filter((row) => !SETTINGS.some((setting) => setting.name === row.name))
    expect(devRows.map((row) => row.name)).toEqual(DEV_SCRIPT_SETTINGS)
    const devScript = fs.readFileSync(path.resolve('server/scripts/dev.mjs'), 'utf8')
    for (const row of devRows) expect(devScript, row.name).toContain(`process.env.${row.name} ?? '${row.default}'`)
  })

  it('readConfig gives every setting of the table its default, and nothing else', () => {
    const config = readConfig({})
    expect(Object.keys(config).sort()).toEqual(SETTINGS.map((row) => row.key).sort())
    for (const row of SETTINGS) {
      expect(config[row.key], row.name).toEqual(row.parse(row.default))
      expect(readConfig({ [row.name]: '' })[row.key], `${row.name} empty`).toEqual(config[row.key])
    }
    expect(config).toMatchObject({ port: 8080, dataDir: path.resolve('data'), tldrawLicenseKey: null, skipClientBuild: false })
  })

  it('readConfig reads each variable into its own field', () => {
    expect(readConfig({ PORT: '0', MAX_MESSAGE_BYTES: '16384', SKIP_CLIENT_BUILD: '1', TLDRAW_LICENSE_KEY: 'k', DATA_DIR: '/tmp/t' })).toMatchObject({
      port: 0,
      maxMessageBytes: 16384,
      skipClientBuild: true,
      tldrawLicenseKey: 'k',
      dataDir: '/tmp/t',
    })
  })

  it('readConfig refuses a wrong value, naming the setting, what it must be and what it got', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow('Setting PORT must be an integer from 0 to 65535, got "eighty"')
    expect(() => readConfig({ PORT: '80.5' })).toThrow('Setting PORT must be an integer from 0 to 65535, got "80.5"')
    expect(() => readConfig({ PORT: '70000' })).toThrow('Setting PORT must be an integer from 0 to 65535, got "70000"')
    expect(() => readConfig({ MAX_CONNECTIONS: '1e3' })).toThrow('Setting MAX_CONNECTIONS must be an integer ≥ 1, got "1e3"')
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow('Setting LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"')
    expect(() => readConfig({ COMPACT_AFTER_UPDATES: '0' })).toThrow('Setting COMPACT_AFTER_UPDATES must be an integer ≥ 1, got "0"')
    expect(() => readConfig({ SKIP_CLIENT_BUILD: 'yes' })).toThrow('Setting SKIP_CLIENT_BUILD must be 1 (on) or 0 (off), got "yes"')
    // A URL may hold a password: the message does not repeat it.
    expect(() => readConfig({ DATABASE_URL: 'mysql://u:hunter2@h/db' })).toThrow(/^Setting DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\/$/)
    expect(() => readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow('Setting REDIS_URL needs DATABASE_URL')
  })

  it('readConfig refuses settings that contradict each other, or a board too small to edit, naming them', () => {
    expect(() => readConfig({ MAX_MESSAGE_BYTES: '4096', MAX_PRESENCE_BYTES: '8192' })).toThrow(
      /^Setting MAX_PRESENCE_BYTES \(8192\) must not exceed MAX_MESSAGE_BYTES \(4096\): a presence state is sent in one message$/,
    )
    expect(readConfig({ MAX_MESSAGE_BYTES: '4096', MAX_PRESENCE_BYTES: '4096' })).toMatchObject({ maxMessageBytes: 4096, maxPresenceBytes: 4096 })
    expect(() => readConfig({ MAX_BOARD_BYTES: '1024' })).toThrow(`Setting MAX_BOARD_BYTES must be an integer ≥ ${MIN_BOARD_BYTES}, got "1024"`)
    expect(readConfig({ MAX_BOARD_BYTES: String(MIN_BOARD_BYTES) }).maxBoardBytes).toBe(MIN_BOARD_BYTES)
  })

  it("MAX_BOARD_BYTES's floor holds ten new boards of the largest template, in either language", () => {
    for (const templateId of TEMPLATE_IDS) {
      for (const language of languages) {
        const doc = new Y.Doc()
        seedBoardDoc(doc, { title: 'A workshop title of some length', templateId, language })
        expect(Y.encodeStateAsUpdate(doc).byteLength * 10, `${templateId} ${language}`).toBeLessThanOrEqual(MIN_BOARD_BYTES)
        doc.destroy()
      }
    }
  })

  it('`--help` prints every setting with its default and exits 0', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts', '--help'], { encoding: 'utf8' })
    for (const row of SETTINGS) expect(output).toContain(`  ${row.name}=${row.default}`)
    expect(output).toContain('every board secret is derived')
  }, 30_000)
})
