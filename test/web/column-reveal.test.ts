import { describe, expect, it } from 'vitest'
import { whenIdle } from '../../web/src/board/idle-queue'
import { overlapsView } from '../../web/src/board/layout'

const view = { left: 0, right: 1440, top: 100, bottom: 900 }
const column = (left: number) => ({ left, right: left + 280, top: 120, bottom: 880 })

describe('which columns the board draws first', () => {
  it('counts a column on screen when any of it shows, and not when it is beyond an edge', () => {
    expect(overlapsView(column(20), view)).toBe(true)
    expect(overlapsView(column(1300), view)).toBe(true)
    expect(overlapsView(column(1440), view)).toBe(false)
    expect(overlapsView(column(-280), view)).toBe(false)
  })

  it('widens the view by a margin on either side', () => {
    expect(overlapsView(column(1700), view, 400)).toBe(true)
    expect(overlapsView(column(1900), view, 400)).toBe(false)
  })

  it('runs idle jobs in order, a couple at a time, and skips a cancelled one', async () => {
    const ran: number[] = []
    const idle = () => new Promise((resolve) => setTimeout(resolve, 20))
    whenIdle(() => ran.push(1))
    const cancel = whenIdle(() => ran.push(2))
    whenIdle(() => ran.push(3))
    whenIdle(() => ran.push(4))
    cancel()
    expect(ran).toEqual([])
    await idle()
    expect(ran).toEqual([1, 3])
    await idle()
    expect(ran).toEqual([1, 3, 4])
  })
})
