import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SETTINGS, readConfig } from '../../server/src/config'

describe('server config', () => {
  it('has a default for every setting', () => {
    const config = readConfig({})
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('data'),
      maxMessageBytes: 2 * 1024 * 1024,
      maxAssetBytes: 10 * 1024 * 1024,
      tldrawLicenseKey: null,
      skipClientBuild: false,
    })
    expect(SETTINGS.map((s) => s.name)).toContain('COMPACT_AFTER_UPDATES')
  })

  it('reads the environment and says which value is wrong', () => {
    expect(readConfig({ PORT: '0', MAX_MESSAGE_BYTES: '4096', SKIP_CLIENT_BUILD: '1' })).toMatchObject({
      port: 0,
      maxMessageBytes: 4096,
      skipClientBuild: true,
    })
    expect(() => readConfig({ PORT: 'eighty' })).toThrow('Setting PORT must be an integer ≥ 0, got "eighty"')
    expect(() => readConfig({ COMPACT_AFTER_UPDATES: '0' })).toThrow(/COMPACT_AFTER_UPDATES/)
  })

  it('takes DATABASE_URL and REDIS_URL only as URLs of their kind, never echoing them, and Redis only with PostgreSQL', () => {
    expect(readConfig({})).toMatchObject({ databaseUrl: null, redisUrl: null })
    const both = { DATABASE_URL: 'postgres://u:secret@db:5432/tavolo', REDIS_URL: 'redis://cache:6379' }
    expect(readConfig(both)).toMatchObject({ databaseUrl: both.DATABASE_URL, redisUrl: both.REDIS_URL })
    expect(readConfig({ DATABASE_URL: 'postgresql://db/tavolo' }).databaseUrl).toBe('postgresql://db/tavolo')
    expect(() => readConfig({ DATABASE_URL: 'mysql://u:secret@db/tavolo' })).toThrow(/^Setting DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/$/)
    expect(() => readConfig({ DATABASE_URL: 'secret words' })).toThrow(/^Setting DATABASE_URL is not a URL$/)
    expect(() => readConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/)
  })
})
