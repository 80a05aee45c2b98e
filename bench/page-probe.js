// Runs in the board page before its own scripts (Playwright addInitScript). Records when the
// first card is on screen (the frame after it enters the viewport), the main thread's long
// tasks, and requestAnimationFrame deltas between startFrames() and stopFrames().
;(() => {
  const probe = { firstCardDom: null, firstCard: null, longTasks: [], frames: null }
  globalThis.__bench = probe
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No Long Tasks API: interactive is then taken at the first card.
  }
  const onScreen = (el) => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.left < innerWidth
  }
  const observer = new MutationObserver(() => {
    const el = document.querySelector('.card-slot')
    if (probe.firstCardDom !== null || !el || !onScreen(el)) return
    probe.firstCardDom = performance.now()
    observer.disconnect()
    requestAnimationFrame(() => {
      probe.firstCard = performance.now()
    })
  })
  observer.observe(document, { childList: true, subtree: true })
  probe.startFrames = () => {
    probe.frames = []
    let last = performance.now()
    const tick = (t) => {
      if (!probe.frames) return
      probe.frames.push(t - last)
      last = t
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }
  probe.stopFrames = () => {
    const frames = probe.frames ?? []
    probe.frames = null
    return frames
  }
})()
