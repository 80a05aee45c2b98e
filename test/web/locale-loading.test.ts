import { describe, expect, it } from 'vitest'
import { createI18n, loadLocale } from '../../web/src/i18n'

describe('the interface languages', () => {
  it('speaks Russian at once and English only once its messages are loaded', async () => {
    expect(createI18n('ru').t('app.error.retry')).toBe('Повторить')
    // English is its own chunk: speaking it unloaded would be a silent fall-back to Russian.
    expect(() => createI18n('en')).toThrow(/loadLocale/)
    await loadLocale('en')
    expect(createI18n('en').t('app.error.retry')).toBe('Try again')
  })
})
