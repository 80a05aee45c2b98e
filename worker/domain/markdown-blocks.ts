import { MAX_DEPTH, SCAN_BUDGET, type Block, type ParseCtx } from './markdown-ast'
import { parseInline } from './markdown-inline'

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const QUOTE = /^ {0,3}> ?/
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:( {1,4})|$)/

const isBlank = (line: string) => line.trim() === ''
const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0

/** The index of the first non-blank line at or after `from`, or `lines.length`. */
function nextContent(lines: string[], from: number): number {
  let i = from
  while (i < lines.length && isBlank(lines[i] ?? '')) i++
  return i
}

/** Whether a line starts a block that also ends a paragraph. */
function startsBlock(line: string): boolean {
  return (
    FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line)
  )
}

function paragraph(lines: string[], ctx: ParseCtx): Block {
  const text = lines.map((l) => l.replace(/^[ \t]+/, '')).join('\n')
  return {
    type: 'paragraph',
    children: parseInline(text.replace(/[ \t]+$/, ''), { ...ctx, inLink: false }),
  }
}

/** Parses one list starting at `start`; returns the block and the first line after it. */
function list(lines: string[], start: number, ctx: ParseCtx): [Block, number] {
  const first = ITEM.exec(lines[start] ?? '')
  const ordered = /\d/.test(first?.[2] ?? '')
  const items: Block[][] = []
  let tight = true
  let i = start
  while (i < lines.length) {
    const m = ITEM.exec(lines[i] ?? '')
    if (!m || RULE.test(lines[i] ?? '') || /\d/.test(m[2] ?? '') !== ordered) break
    const column = (m[1] ?? '').length + (m[2] ?? '').length + (m[3]?.length ?? 1)
    const body = [(lines[i] ?? '').slice(m[0].length)]
    i++
    while (i < lines.length) {
      const line = lines[i] ?? ''
      if (isBlank(line)) {
        // Blank lines belong to the item only if indented content follows them.
        const next = nextContent(lines, i)
        if (next === lines.length || indentOf(lines[next] ?? '') < column) break
        tight = false
        for (; i < next; i++) body.push('')
        continue
      } else if (indentOf(line) >= column) body.push(line.slice(column))
      else if (startsBlock(line)) break
      else body.push(line.trim()) // a lazy continuation of the item's paragraph
      i++
    }
    items.push(parseBlocks(body.join('\n'), { ...ctx, depth: ctx.depth + 1 }))
    // A blank line between items makes the list loose (paragraphs in <p>).
    if (i < lines.length && isBlank(lines[i] ?? '')) {
      const next = nextContent(lines, i)
      const after = ITEM.exec(lines[next] ?? '')
      if (!after || /\d/.test(after[2] ?? '') !== ordered) break
      tight = false
      i = next
    }
  }
  const startAt = ordered ? Number.parseInt(first?.[2] ?? '1', 10) : 1
  return [{ type: 'list', ordered, start: startAt, tight, items }, i]
}

/** Parses Markdown into blocks: headings, paragraphs, fenced code, quotes, lists, rules. */
export function parseBlocks(
  source: string,
  ctx: ParseCtx = { depth: 0, budget: { left: SCAN_BUDGET } },
): Block[] {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .split('\n')
  if (ctx.depth >= MAX_DEPTH)
    return [
      paragraph(
        lines.filter((l) => !isBlank(l)),
        ctx,
      ),
    ]
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i] ?? ''
    const fence = FENCE.exec(line)
    const heading = HEADING.exec(line)
    if (isBlank(line)) {
      i++
    } else if (fence?.[1]) {
      const marker = fence[1]
      const indent = indentOf(line)
      const closing = new RegExp(`^ {0,3}${marker[0]}{${marker.length},}[ \\t]*$`)
      const code: string[] = []
      i++
      while (i < lines.length && !closing.test(lines[i] ?? '')) {
        code.push((lines[i] ?? '').slice(Math.min(indent, indentOf(lines[i] ?? ''))))
        i++
      }
      i++ // the closing fence (or the end)
      blocks.push({ type: 'code', text: code.join('\n') })
    } else if (heading?.[1]) {
      const level = heading[1].length as 1 | 2 | 3 | 4 | 5 | 6
      blocks.push({
        type: 'heading',
        level,
        children: parseInline(heading[2] ?? '', { ...ctx, inLink: false }),
      })
      i++
    } else if (RULE.test(line)) {
      blocks.push({ type: 'hr' })
      i++
    } else if (QUOTE.test(line)) {
      const quoted: string[] = []
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(QUOTE, ''))
        i++
      }
      blocks.push({
        type: 'quote',
        children: parseBlocks(quoted.join('\n'), { ...ctx, depth: ctx.depth + 1 }),
      })
    } else if (ITEM.test(line)) {
      const [block, next] = list(lines, i, ctx)
      blocks.push(block)
      i = next
    } else {
      const text = [line]
      i++
      while (i < lines.length && !isBlank(lines[i] ?? '') && !startsBlock(lines[i] ?? '')) {
        text.push(lines[i] ?? '')
        i++
      }
      blocks.push(paragraph(text, ctx))
    }
  }
  return blocks
}
