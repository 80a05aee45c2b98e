import { describe, expect, it } from 'vitest'
import {
  cardHref,
  notificationIcon,
  notificationText,
  relativeTime,
  unreadBadge,
} from '../../web/src/inbox/notification-view'

const note = {
  title: '«Ромашка» просрочен на этапе «КП»',
  body: 'SLA этапа: 3 р. д.',
  data: { en: { title: 'Romashka is overdue at Proposal', body: 'Stage SLA: 3 working days' } },
}

describe('notification text', () => {
  it('is Russian as stored, and English from data.en', () => {
    expect(notificationText(note, 'ru')).toEqual({ title: note.title, body: note.body })
    expect(notificationText(note, 'en')).toEqual({
      title: 'Romashka is overdue at Proposal',
      body: 'Stage SLA: 3 working days',
    })
  })

  it('falls back to the Russian when the English is missing or malformed', () => {
    expect(notificationText({ ...note, data: null }, 'en').title).toBe(note.title)
    expect(notificationText({ ...note, data: { en: 'oops' } }, 'en').title).toBe(note.title)
    expect(notificationText({ ...note, data: { en: { title: '' } } }, 'en')).toEqual({
      title: note.title,
      body: note.body,
    })
  })
})

describe('notification icons', () => {
  it('gives each kind its own icon, and twice the SLA a stronger one', () => {
    const icon = (kind: string, data: Record<string, unknown> | null = null) =>
      notificationIcon({ kind, data })
    expect(icon('overdue', { level: 1 })).toBe('overdue')
    expect(icon('overdue', { level: 2 })).toBe('overdue2')
    expect(icon('returned', { level: 1 })).toBe('returned')
    expect(icon('message')).toBe('message')
    expect(icon('task')).toBe('task')
    expect(icon('digest')).toBe('digest')
    expect(icon('article_review')).toBe('review')
    expect(icon('assigned')).toBe('other')
  })
})

describe('the bell', () => {
  it('shows nothing at zero and caps the count at 99+', () => {
    expect(unreadBadge(0)).toBe('')
    expect(unreadBadge(7)).toBe('7')
    expect(unreadBadge(99)).toBe('99')
    expect(unreadBadge(100)).toBe('99+')
  })
})

describe('links to a card', () => {
  const place = (path: string, query = '') => ({ path, search: new URLSearchParams(query) })

  it('keeps the board’s filters and opens the drawer over them', () => {
    expect(cardHref(place('/', 'mine=1&card=old'), 'c-7')).toBe('/?mine=1&card=c-7')
  })

  it('goes to the board from anywhere else', () => {
    expect(cardHref(place('/settings', 'tab=webhooks'), 'c-7')).toBe('/?card=c-7')
    const odd = new URL(cardHref(place('/settings'), 'c 7&x'), 'https://board.example')
    expect(odd.searchParams.get('card')).toBe('c 7&x')
  })
})

describe('relativeTime', () => {
  const now = Date.parse('2026-11-23T12:00:00Z')
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString()
  const date = (iso: string) => `on ${iso.slice(0, 10)}`

  it('says now, minutes, hours and days, then the date', () => {
    expect(relativeTime(ago(0.5), now, 'en', date)).toBe('now')
    expect(relativeTime(ago(5), now, 'en', date)).toBe('5 minutes ago')
    expect(relativeTime(ago(5), now, 'ru', date)).toBe('5 минут назад')
    expect(relativeTime(ago(3 * 60), now, 'en', date)).toBe('3 hours ago')
    expect(relativeTime(ago(26 * 60), now, 'en', date)).toBe('yesterday')
    expect(relativeTime(ago(3 * 24 * 60), now, 'ru', date)).toBe('3 дня назад')
    expect(relativeTime(ago(8 * 24 * 60), now, 'en', date)).toBe('on 2026-11-15')
  })
})
