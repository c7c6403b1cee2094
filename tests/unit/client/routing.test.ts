import { describe, expect, it } from 'vitest'
import { parseRoute } from '../../../client/src/routing'

describe('parseRoute', () => {
  it('reads the board and the projector view with their secret', () => {
    expect(parseRoute('/b/abc_D-1', '#k=s3cret')).toEqual({ name: 'board', boardId: 'abc_D-1', secret: 's3cret' })
    expect(parseRoute('/b/abc_D-1/present', '#k=v13w')).toEqual({ name: 'present', boardId: 'abc_D-1', secret: 'v13w', joinSecret: null })
    expect(parseRoute('/b/abc_D-1/present', '#k=v13w&j=e42')).toEqual({ name: 'present', boardId: 'abc_D-1', secret: 'v13w', joinSecret: 'e42' })
    expect(parseRoute('/b/abc/present/', '')).toEqual({ name: 'present', boardId: 'abc', secret: null, joinSecret: null })
  })

  it('leaves anything else to the not-found screen', () => {
    expect(parseRoute('/b/abc/present/extra', '#k=x')).toEqual({ name: 'not-found', path: '/b/abc/present/extra' })
    expect(parseRoute('/b/a b/present', '#k=x')).toEqual({ name: 'not-found', path: '/b/a b/present' })
  })
})
