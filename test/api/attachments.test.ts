import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api, createClient, type Caller } from './helpers'

const upload = (clientId: string, name: string, body: BodyInit, as: Caller = 'member') =>
  api(`/clients/${clientId}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body,
    as,
  })

const bytes = (n: number, fill = 0x41) => new Uint8Array(n).fill(fill)

describe('attachments', () => {
  it('stores a file in R2 and serves it back as a download with safe headers', async () => {
    const card = await createClient('kickoff')
    const text = 'Договор №1\nподписан'
    const up = await upload(card.id, 'Договор «Альфа» 2026.pdf', new TextEncoder().encode(text))
    expect(up.status).toBe(201)
    expect(up.body).toMatchObject({
      clientId: card.id,
      name: 'Договор «Альфа» 2026.pdf',
      contentType: 'application/pdf',
      size: new TextEncoder().encode(text).length,
      uploadedBy: 'u-member',
      uploadedByName: 'Member',
    })
    const row = await env.DB.prepare('SELECT r2_key FROM attachments WHERE id = ?1')
      .bind(up.body.id)
      .first<{ r2_key: string }>()
    expect(await (await env.FILES.get(row?.r2_key ?? ''))?.text()).toBe(text)

    const down = await api(`/attachments/${up.body.id}`, { as: 'viewer' })
    expect(down.status).toBe(200)
    expect(down.body).toBe(text)
    expect(down.headers.get('content-type')).toBe('application/pdf')
    expect(down.headers.get('x-content-type-options')).toBe('nosniff')
    expect(down.headers.get('content-disposition')).toBe(
      `attachment; filename="_______ _______ 2026.pdf"; filename*=UTF-8''` +
        encodeURIComponent('Договор «Альфа» 2026.pdf'),
    )
    const listed = await api(`/clients/${card.id}/attachments`, { as: 'viewer' })
    expect(listed.body.attachments.map((a: { id: string }) => a.id)).toEqual([up.body.id])
    const history = (await api(`/clients/${card.id}/history`)).body.events
    expect(history[0]).toMatchObject({
      kind: 'attachment_added',
      actorName: 'Member',
      data: { name: 'Договор «Альфа» 2026.pdf' },
    })
  })

  it('cleans file names: no path, control or direction characters, bounded length', async () => {
    const card = await createClient('kickoff')
    const named = async (raw: string) => (await upload(card.id, raw, bytes(3))).body.name
    expect(await named('../../etc/passwd.txt')).toBe('passwd.txt')
    expect(await named('C:\\Users\\me\\Отчёт.xlsx')).toBe('Отчёт.xlsx')
    expect(await named('Invoice\u202Efdp.exe.pdf')).toBe('Invoicefdp.exe.pdf')
    expect(await named('a\u0000b\nc.csv')).toBe('ab c.csv')
    expect(await named('..hidden.png')).toBe('hidden.png')
    expect(await named('what?*.txt')).toBe('what__.txt')
    const long = await named(`${'я'.repeat(300)}.docx`)
    expect([...long].length).toBe(120)
    expect(long.endsWith('.docx')).toBe(true)
    const empty = await upload(card.id, '\u202E/', bytes(3))
    expect(empty.status).toBe(422)
    expect(empty.body.error.fields).toHaveProperty('name')
  })

  it('refuses types off the list, so nothing is served as HTML or script', async () => {
    const card = await createClient('kickoff')
    for (const name of ['page.html', 'logo.svg', 'run.exe', 'noextension']) {
      const res = await upload(card.id, name, bytes(10))
      expect(res.status, name).toBe(415)
      expect(res.body.error.fields).toHaveProperty('name')
    }
    // What the uploader declares does not matter: the type comes from the list.
    const declared = await api(`/clients/${card.id}/attachments?name=notes.txt`, {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: '<script>alert(1)</script>',
      as: 'member',
    })
    expect(declared.body.contentType).toBe('text/plain')
    const down = await api(`/attachments/${declared.body.id}`)
    expect(down.headers.get('content-type')).toBe('text/plain')
  })

  it('refuses a file over 20 MB by its length before storing anything, and an empty one', async () => {
    const card = await createClient('kickoff')
    const before = await env.FILES.list({ prefix: `attachments/${card.id}/` })
    const big = await upload(card.id, 'big.zip', bytes(20 * 1024 * 1024 + 1))
    expect(big.status).toBe(413)
    expect(big.body.error.code).toBe('too_large')
    const exact = await upload(card.id, 'exact.zip', bytes(20 * 1024 * 1024))
    expect(exact.status).toBe(201)
    expect((await upload(card.id, 'empty.txt', new Uint8Array(0))).status).toBe(422)
    const after = await env.FILES.list({ prefix: `attachments/${card.id}/` })
    expect(after.objects.length).toBe(before.objects.length + 1)
  }, 60_000)

  it('refuses a streamed body that declares no length (R2 needs it), storing nothing', async () => {
    const card = await createClient('kickoff')
    const chunk = bytes(1024 * 1024)
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 21) return controller.close()
        sent += 1
        controller.enqueue(chunk)
      },
    })
    const res = await api(`/clients/${card.id}/attachments?name=stream.zip`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      as: 'member',
    } as RequestInit)
    expect(res.status).toBe(411)
    expect(sent).toBeLessThan(21)
    const listed = await env.FILES.list({ prefix: `attachments/${card.id}/` })
    expect(listed.objects).toEqual([])
  })

  it('lets viewers read, members remove their own, leads and admins any', async () => {
    const card = await createClient('kickoff')
    expect((await upload(card.id, 'a.txt', bytes(5), 'viewer')).status).toBe(403)
    const mine = (await upload(card.id, 'mine.txt', bytes(5), 'member')).body
    const leads = (await upload(card.id, 'leads.txt', bytes(5), 'lead')).body
    const remove = (id: string, as: Caller) => api(`/attachments/${id}`, { method: 'DELETE', as })
    expect((await remove(leads.id, 'member')).status).toBe(403)
    expect((await remove(mine.id, 'viewer')).status).toBe(403)
    expect((await remove(mine.id, 'member')).status).toBe(204)
    expect((await remove(mine.id, 'member')).status).toBe(404)
    expect((await remove(leads.id, 'admin')).status).toBe(204)
    const left = await env.FILES.list({ prefix: `attachments/${card.id}/` })
    expect(left.objects).toEqual([])
    expect((await api(`/attachments/${mine.id}`)).status).toBe(404)
    const kinds = (await api(`/clients/${card.id}/history`)).body.events.map(
      (e: { kind: string }) => e.kind,
    )
    expect(kinds.filter((k: string) => k === 'attachment_removed')).toHaveLength(2)
  })

  it('takes no files on an archived card or a card that does not exist', async () => {
    const card = await createClient('kickoff')
    await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: card.version, archived: true },
    })
    expect((await upload(card.id, 'late.pdf', bytes(5))).status).toBe(409)
    expect((await upload('no-such-card', 'x.pdf', bytes(5))).status).toBe(404)
  })
})
