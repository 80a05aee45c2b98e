import { describe, expect, it } from 'vitest'
import { ru } from '../../web/src/i18n/ru'

/**
 * Latin words the Russian interface keeps on purpose: the product's name, language and key
 * names, and terms Russian teams use as they are (SLA, WIP, NPS) or that name a standard.
 */
const KEPT = new Set(
  [
    'Journey',
    'Board',
    'RU',
    'EN',
    'English',
    'SLA',
    'WIP',
    'NPS',
    'KAM',
    'CustDev',
    'Ctrl',
    'Enter',
    'Escape',
    'IANA',
    'Asia',
    'Kolkata',
    'JSON',
    'X-Signature',
    'HMAC-SHA',
    'Slack',
    'URL',
    'API',
    'Authorization',
    'Bearer',
    'http',
    'https',
    'Markdown',
    'A',
    'B',
    'C',
    'N',
    // File formats, encodings and the systems clients are imported from (issue 20).
    'CSV',
    'Excel',
    'amoCRM',
    'UTF',
    'Windows',
    'ID',
    'E-mail',
    // Reports: a KPI Russian teams name in English, percentile notation (p50).
    'LTV',
    'p',
  ].map((w) => w.toLowerCase()),
)

/** Every string of a dictionary entry (plural forms included), with its key. */
function* texts(dictionary: Record<string, unknown>): Generator<[string, string]> {
  for (const [key, value] of Object.entries(dictionary)) {
    if (typeof value === 'string') yield [key, value]
    else if (value && typeof value === 'object')
      for (const form of Object.values(value)) if (typeof form === 'string') yield [key, form]
  }
}

describe('the Russian dictionary', () => {
  it('speaks Russian: no English word where a Russian one exists', () => {
    const english: string[] = []
    for (const [key, value] of texts(ru)) {
      // {placeholders} are filled in at run time; they are not shown as written.
      const shown = value.replaceAll(/\{[^}]*\}/g, '')
      for (const word of shown.match(/[A-Za-z]+(?:-[A-Za-z]+)*/g) ?? []) {
        if (!KEPT.has(word.toLowerCase())) english.push(`${key}: ${word}`)
      }
    }
    expect(english).toEqual([])
  })
})
