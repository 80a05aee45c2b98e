import { describe, expect, it } from 'vitest'
import { ApiError } from '../../web/src/api/client'

describe("the web's API errors", () => {
  it('keep a code the API answers with, so the page can match on it', () => {
    const error = new ApiError(409, { code: 'version_conflict', message: 'Changed meanwhile' })
    expect(error.code).toBe('version_conflict')
    expect(error.message).toBe('Changed meanwhile')
  })

  it('name an unknown code by its status, never pass it on as if it were one we match', () => {
    expect(new ApiError(418, { code: 'teapot', message: 'Short and stout' }).code).toBe('http_418')
    expect(new ApiError(0, { code: 'network', message: 'Offline' }).code).toBe('network')
  })
})
