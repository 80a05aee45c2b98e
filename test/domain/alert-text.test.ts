import { describe, expect, it } from 'vitest'
import { quoteEn, quoteRu, slaAlertText, workingDays } from '../../worker/domain/alert-text'

const stage = { name: { ru: 'Стартовая встреча', en: 'Kickoff' }, slaDays: 1 }

describe('alert texts', () => {
  it('nests a name’s own quotes inside Russian quotes the Russian way', () => {
    expect(quoteRu('НПО «Медиасофт»')).toBe('«НПО „Медиасофт“»')
    expect(quoteRu('Альфа')).toBe('«Альфа»')
    expect(quoteEn('НПО «Медиасофт»')).toBe('“НПО ‘Медиасофт’”')
  })

  it('says working days with the plural each number takes', () => {
    expect([1, 2, 5, 21, 22, 25, 11].map((n) => workingDays(n, 'ru'))).toEqual([
      '1 рабочий день',
      '2 рабочих дня',
      '5 рабочих дней',
      '21 рабочий день',
      '22 рабочих дня',
      '25 рабочих дней',
      '11 рабочих дней',
    ])
    expect([1, 2].map((n) => workingDays(n, 'en'))).toEqual(['1 working day', '2 working days'])
  })

  it('writes an overdue alert with one pair of quotes around each name', () => {
    const text = slaAlertText('НПО «Медиасофт»', stage, { kind: 'overdue', level: 1 })
    expect(text.ru).toEqual({
      title: '«НПО „Медиасофт“» просрочен на этапе «Стартовая встреча»',
      body: 'SLA этапа: 1 рабочий день',
    })
    expect(text.en.body).toBe('Stage SLA: 1 working day')
  })
})
