import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api } from '../api/helpers'
import { MORNING, runCron } from './run-cron'

interface Notice {
  kind: string
  title: string
  body: string
  data: { en?: { body: string } }
}

const inbox = async (as: 'lead' | 'member') =>
  (await api('/notifications', { as })).body.notifications as Notice[]

describe('late onboarding steps in the morning', () => {
  it('reach the newcomer’s mentor and lead once a day, and stop once the step is done', async () => {
    const newcomer = await api('/members', {
      method: 'POST',
      json: {
        name: 'Нина Новенькая',
        email: 'nina.new@board.test',
        grade: 'intern',
        managerId: 't-lead',
        roleIds: ['support'],
      },
    })
    const id = newcomer.body.id as string
    const track = await api('/onboarding/tracks', {
      method: 'POST',
      as: 'lead',
      json: {
        roleId: 'support',
        title: { ru: 'Поддержка', en: 'Support' },
        steps: [
          {
            kind: 'checklist',
            title: { ru: 'Прочитать регламент', en: 'Read the rules' },
            dueDays: 1,
          },
          { kind: 'checklist', title: { ru: 'Без срока', en: 'No date' } },
        ],
      },
    })
    expect(track.status).toBe(201)
    const mentor = await api(`/onboarding/mentors/${id}`, {
      method: 'PUT',
      as: 'lead',
      json: { mentorId: 't-member', startedOn: '2026-11-02', version: 0 },
    })
    expect(mentor.status).toBe(200)

    // Thursday 5 November, 09:00 Moscow: the one-day step is two days late.
    const morning = Date.parse('2026-11-05T06:00:00Z')
    await runCron(MORNING, morning)
    await runCron(MORNING, morning + 60_000)

    const notices = (await inbox('member')).filter((n) => n.kind === 'onboarding_overdue')
    expect(notices).toHaveLength(1)
    expect(notices[0]?.body).toBe('• Нина Новенькая: «Прочитать регламент»')
    expect(notices[0]?.data.en?.body).toBe('• Нина Новенькая: “Read the rules”')
    const digest = (await inbox('lead')).find((n) => n.kind === 'digest')
    expect(digest?.body).toContain(
      'Онбординг, просроченные шаги:\n• Нина Новенькая: «Прочитать регламент»',
    )
    expect(digest?.body).not.toContain('Без срока')
    expect(digest?.data.en?.body).toContain('Onboarding, steps past due:')

    // The newcomer (who has no account here) marks it done before the next morning.
    const [step] = track.body.items as { id: string }[]
    await env.DB.prepare(
      "INSERT INTO onboarding_progress (member_id, item_id, status, at) VALUES (?1, ?2, 'done', ?3)",
    )
      .bind(id, step?.id, morning + 3_600_000)
      .run()
    await runCron(MORNING, morning + 86_400_000)
    const next = (await inbox('member')).filter((n) => n.kind === 'onboarding_overdue')
    expect(next).toHaveLength(1)
  })
})
