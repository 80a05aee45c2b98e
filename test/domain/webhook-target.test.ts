import { describe, expect, it } from 'vitest'
import { privateTargetReason, refusedTarget } from '../../worker/domain/webhook-target'

describe('webhook targets', () => {
  it('refuses loopback, private, link-local, CGNAT, ULA and internal names, however written', () => {
    const inside = [
      'http://127.0.0.1/',
      'http://127.1.2.3:8080/x',
      'http://[::1]/',
      'http://0.0.0.0/',
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0177.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://172.16.0.1/',
      'http://172.31.255.255/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://100.127.255.254/',
      'http://[fc00::1]/',
      'http://[fd12:3456::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:10.0.0.1]/',
      'http://[::]/',
      'http://localhost:8787/',
      'http://LOCALHOST./',
      'http://printer.local/',
      'http://metadata.google.internal/',
      'http://api.localhost/',
      'http://intranet/',
    ]
    for (const url of inside) expect(privateTargetReason(url), url).not.toBeNull()
  })

  it('lets public addresses and names through', () => {
    const outside = [
      'https://hooks.slack.com/services/T/B/X',
      'https://example.com:8443/hook',
      'http://8.8.8.8/',
      'http://172.32.0.1/',
      'http://100.128.0.1/',
      'http://[2606:4700:4700::1111]/',
      'https://local.example.com/',
      'https://internal.example.com/',
    ]
    for (const url of outside) expect(privateTargetReason(url), url).toBeNull()
  })

  it('lets private targets through only when WEBHOOK_ALLOW_PRIVATE is on', () => {
    expect(refusedTarget('http://127.0.0.1/', undefined)).not.toBeNull()
    expect(refusedTarget('http://127.0.0.1/', 'false')).not.toBeNull()
    expect(refusedTarget('http://127.0.0.1/', '')).not.toBeNull()
    expect(refusedTarget('http://127.0.0.1/', 'true')).toBeNull()
    expect(refusedTarget('http://127.0.0.1/', '1')).toBeNull()
  })
})
