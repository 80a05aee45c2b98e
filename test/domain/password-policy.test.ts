import { describe, expect, it } from 'vitest'
import { commonPasswords } from '../../worker/auth/common-passwords'
import { passwordProblem } from '../../worker/domain/password-policy'
import { DEMO_PASSWORD } from '../../scripts/demo-users'

const check = (password: string, email = 'ivan.petrov@company.ru') =>
  passwordProblem(password, email, commonPasswords())

describe('the password policy', () => {
  it('ships the 10,000 most common passwords', () => {
    expect(commonPasswords().size).toBeGreaterThan(9900)
    expect(commonPasswords().has('qwertyuiop')).toBe(true)
  })

  it('refuses short passwords, spaces at the ends not counting', () => {
    for (const weak of ['password', '12345678', ' '.repeat(8), ' '.repeat(12), '  abcdefg  ']) {
      expect(check(weak), JSON.stringify(weak)).toMatch(/at least 10 characters/)
    }
  })

  it('refuses the e-mail address and its name part, in any case', () => {
    expect(check('Ivan.Petrov@Company.ru')).toMatch(/e-mail/)
    expect(check('IVAN.PETROV')).toMatch(/e-mail/)
  })

  it('refuses common passwords without case, also with digits or symbols added at the end', () => {
    for (const weak of [
      '1234567890',
      'QwertyUiop',
      'Password2024!',
      'football123',
      'Dragon_1234',
    ]) {
      expect(check(weak), weak).toMatch(/most common/)
    }
  })

  it('accepts a long, uncommon password, and the demo accounts\u2019 one', () => {
    expect(check('correct horse battery staple')).toBeNull()
    expect(check('Ежик-в-тумане-42')).toBeNull()
    expect(check(DEMO_PASSWORD, 'admin@demo.local')).toBeNull()
  })
})
