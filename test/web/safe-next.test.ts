import { describe, expect, it } from 'vitest'
import { safeNext } from '../../web/src/routing/nav'

// safeNext gets the `next` query parameter as URLSearchParams.get() returns it: decoded once.
const param = (query: string) => new URLSearchParams(query).get('next')

describe('the page after sign-in', () => {
  it('follows paths on this site', () => {
    expect(safeNext(param('next=/board?phase=onboarding'))).toBe('/board?phase=onboarding')
    expect(safeNext(param('next=%2Fkb%2Farticle-1'))).toBe('/kb/article-1')
    expect(safeNext(null)).toBe('/')
  })

  it('refuses other sites, however the address is disguised', () => {
    const disguised = [
      'next=//evil.example',
      'next=https://evil.example',
      'next=/%09/evil.example',
      'next=/%0A/evil.example',
      'next=/%0D%0A/evil.example',
      'next=%20//evil.example',
      'next=/%5C/evil.example',
      'next=/%252F/evil.example',
      'next=/%2509/evil.example',
      'next=/%00/evil.example',
      'next=/%E2%80%A8/evil.example',
      'next=/%',
    ]
    for (const query of disguised) expect(safeNext(param(query)), query).toBe('/')
  })
})
