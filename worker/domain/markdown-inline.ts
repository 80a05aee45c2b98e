import { MAX_DEPTH, SCAN_BUDGET, type Inline, type ParseCtx } from './markdown-ast'
import { safeHref } from './safe-url'

/** How far an emphasis or link may reach for its closing mark: keeps worst cases linear-ish. */
const REACH = 2000
const PUNCTUATION = /[!-/:-@[-`{-~]/
const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch)
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

interface Ctx extends ParseCtx {
  inLink: boolean
}

/**
 * Where the emphasis whose content starts at `from` closes, or -1. A closing run must follow
 * a non-space; a run of two never closes a single mark ("*a **b** c*"), and a longer run
 * closes with its last marks ("**a *b***"). `_` must also end a word: snake_case stays text.
 */
function findCloser(src: string, from: number, mark: string, budget: Ctx['budget']): number {
  const ch = mark[0] as string
  const limit = Math.min(src.length, from + REACH)
  for (let j = from + 1; j < limit; j++) {
    if (--budget.left < 0) return -1
    if (src[j] === '\\') {
      j++
      continue
    }
    if (src[j] === '`') {
      const end = src.indexOf('`', j + 1)
      if (end !== -1) j = end
      continue
    }
    if (src[j] !== ch) continue
    let run = 1
    while (src[j + run] === ch) run++
    const closes =
      !isSpace(src[j - 1]) &&
      (mark.length === 1 ? run !== 2 : run >= 2) &&
      !(ch === '_' && isWordChar(src[j + run]))
    if (closes) return j + run - mark.length
    j += run - 1
  }
  return -1
}

/** Parses `[text](target)` at `at` (the `[`), or returns null if it is not a link. */
function parseLink(
  src: string,
  at: number,
  budget: Ctx['budget'],
): { text: string; target: string; end: number } | null {
  let depth = 0
  let close = -1
  for (let j = at; j < Math.min(src.length, at + REACH); j++) {
    if (--budget.left < 0) return null
    const ch = src[j]
    if (ch === '\\') j++
    else if (ch === '[') depth++
    else if (ch === ']' && --depth === 0) {
      close = j
      break
    }
  }
  if (close === -1 || src[close + 1] !== '(') return null
  const rest = src.slice(close + 2, close + 2 + REACH)
  const m =
    /^[ \t\n]*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))(?:[ \t\n]+(?:"[^"]*"|'[^']*'))?[ \t\n]*\)/.exec(
      rest,
    )
  if (!m) return null
  const target = (m[1] ?? m[2] ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1')
  return { text: src.slice(at + 1, close), target, end: close + 2 + m[0].length }
}

function pushText(out: Inline[], text: string) {
  const last = out.at(-1)
  if (last?.type === 'text') last.text += text
  else out.push({ type: 'text', text })
}

/** Parses inline Markdown (emphasis, code, links, autolinks, breaks) into nodes. */
export function parseInline(
  src: string,
  ctx: Ctx = { depth: 0, inLink: false, budget: { left: SCAN_BUDGET } },
): Inline[] {
  const out: Inline[] = []
  let i = 0
  while (i < src.length) {
    const ch = src[i] as string
    const rest = src.slice(i, i + 2100)
    if (ch === '\\' && src[i + 1] === '\n') {
      out.push({ type: 'br' })
      i += 2
    } else if (ch === '\\' && PUNCTUATION.test(src[i + 1] ?? '')) {
      pushText(out, src[i + 1] as string)
      i += 2
    } else if (ch === '\n') {
      // Two trailing spaces make a hard break; otherwise a newline is just a space.
      const hard = src.slice(Math.max(0, i - 2), i) === '  '
      const last = out.at(-1)
      if (last?.type === 'text') last.text = last.text.replace(/ +$/, '')
      if (hard) out.push({ type: 'br' })
      else pushText(out, '\n')
      i++
    } else if (ch === '`') {
      const run = /^`+/.exec(rest)?.[0] ?? '`'
      const close = src.indexOf(run, i + run.length)
      if (close === -1) {
        pushText(out, run)
        i += run.length
      } else {
        const text = src.slice(i + run.length, close).replaceAll('\n', ' ')
        const trimmed = /^ .*[^ ].* $/.test(text) ? text.slice(1, -1) : text
        out.push({ type: 'code', text: trimmed })
        i = close + run.length
      }
    } else if ((ch === '[' || (ch === '!' && src[i + 1] === '[')) && !ctx.inLink) {
      // An image becomes a plain link to it: no <img>, so no tracking pixels or onerror.
      const at = ch === '!' ? i + 1 : i
      const link = ctx.depth < MAX_DEPTH ? parseLink(src, at, ctx.budget) : null
      if (!link) {
        pushText(out, ch)
        i++
        continue
      }
      const children = parseInline(link.text, { ...ctx, depth: ctx.depth + 1, inLink: true })
      out.push({ type: 'link', href: safeHref(link.target), children })
      i = link.end
    } else if (ch === '<' && !ctx.inLink) {
      const auto = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/.exec(rest)
      const email = /^<([^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+)>/.exec(rest)
      if (auto?.[1]) {
        const href = safeHref(auto[1])
        out.push({ type: 'link', href, children: [{ type: 'text', text: auto[1] }] })
        i += auto[0].length
      } else if (email?.[1]) {
        const href = safeHref(`mailto:${email[1]}`)
        out.push({ type: 'link', href, children: [{ type: 'text', text: email[1] }] })
        i += email[0].length
      } else {
        pushText(out, ch)
        i++
      }
    } else if ((ch === 'h' || ch === 'H') && !ctx.inLink && !isWordChar(src[i - 1])) {
      // A bare http(s) URL links itself, minus trailing punctuation that ends the sentence.
      const bare = /^https?:\/\/[^\s<>"]+/i.exec(rest)?.[0].replace(/[.,;:!?)'"»]+$/, '')
      if (bare && bare.length > 8) {
        out.push({ type: 'link', href: safeHref(bare), children: [{ type: 'text', text: bare }] })
        i += bare.length
      } else {
        pushText(out, ch)
        i++
      }
    } else if (ch === '*' || ch === '_') {
      const double = src[i + 1] === ch
      const mark = double ? ch + ch : ch
      const opensWord = !(ch === '_' && isWordChar(src[i - 1]))
      const close =
        ctx.depth < MAX_DEPTH && opensWord && !isSpace(src[i + mark.length])
          ? findCloser(src, i + mark.length, mark, ctx.budget)
          : -1
      if (close === -1) {
        pushText(out, mark)
        i += mark.length
        continue
      }
      const inner = src.slice(i + mark.length, close)
      const children = parseInline(inner, { ...ctx, depth: ctx.depth + 1 })
      out.push({ type: double ? 'strong' : 'em', children })
      i = close + mark.length
    } else {
      const plain = /^[^\\\n`[!<hH*_]+/.exec(rest)?.[0] ?? ch
      pushText(out, plain)
      i += plain.length
    }
  }
  return out
}
