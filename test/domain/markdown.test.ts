import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markdownToText, renderMarkdown } from '../../shared/markdown'
import { safeHref } from '../../shared/safe-url'

/** Every tag the renderer may write, attributes included; anything else is a bug. */
const ALLOWED_TAG =
  /<\/?(?:p|h[1-6]|strong|em|code|pre|ul|li|blockquote)>|<ol(?: start="\d+")?>|<\/ol>|<hr>|<br>|<a href="[^"<>]*" rel="nofollow noopener noreferrer">|<\/a>/g

/** What is left of the output once the renderer's own tags are taken out: text only. */
const withoutOurTags = (html: string) => html.replace(ALLOWED_TAG, '')

/** The href values in the output, decoded as a browser would. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'"),
  )

/** Markdown-wrapped and raw XSS payloads in the spirit of the OWASP filter-evasion cheat sheet. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<body onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">',
  '<div style="width: expression(alert(1))">',
  '<style>@import "https://xss.example/x.css";</style>',
  '<link rel=stylesheet href=https://xss.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="javascript:alert(1)">',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'';!--\"<XSS>=&{()}",
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](javascript&#x3A;alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '[x](%6A%61%76%61%73%63%72%69%70%74%3Aalert(1))',
  '[x](java%0ascript:alert(1))',
  '[x](java&#09;script:alert(1))',
  '[x](java&Tab;script:alert(1))',
  '[x](<java\u0000script:alert(1)>)',
  '[x]( javascript:alert(1))',
  '[x](\u200bjavascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](file:///etc/passwd)',
  '[x](javascript://%0aalert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](javascript:alert(1) "title")',
  '[x]("onmouseover="alert(1))',
  '[x](https://ok.example/"onmouseover="alert(1))',
  "[x](https://ok.example/'><script>alert(1)</script>)",
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://ok.example/x.png)',
  '<javascript:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '[<img src=x onerror=alert(1)>](https://ok.example)',
  '**<script>alert(1)</script>**',
  '`<script>alert(1)</script>`',
  '```\n</code></pre><script>alert(1)</script>\n```',
  '> <script>alert(1)</script>',
  '- <img src=x onerror=alert(1)>',
  '# <svg onload=alert(1)>',
  '[x](https://ok.example)<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
]

describe('rendering Markdown safely', () => {
  it.each(PAYLOADS)('leaves nothing executable in %j', (payload) => {
    const html = renderMarkdown(payload)
    const text = withoutOurTags(html)
    expect(text).not.toMatch(/[<>"]/)
    for (const href of hrefs(html)) {
      expect(safeHref(href)).not.toBeNull()
      expect(href.toLowerCase().replace(/[^a-z:]/g, '')).not.toMatch(
        /^(javascript|vbscript|data|file):/,
      )
    }
  })

  it('keeps only http(s), mailto and relative link targets', () => {
    expect(safeHref('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c')
    expect(safeHref('HTTP://EXAMPLE.COM')).toBe('HTTP://EXAMPLE.COM')
    expect(safeHref('mailto:anna@example.com')).toBe('mailto:anna@example.com')
    expect(safeHref('/articles/kb-kickoff-ru')).toBe('/articles/kb-kickoff-ru')
    expect(safeHref('../up?x=a:b')).toBe('../up?x=a:b')
    expect(safeHref('#section')).toBe('#section')
    expect(safeHref('a b')).toBe('a%20b')
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'jav\tascript:alert(1)',
      'javascript&#0000058alert(1)',
      'javascript&#x0003A;alert(1)',
      '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)',
      'java%2573cript:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      'tel:123',
      'c:\\windows',
      '',
    ]) {
      expect(safeHref(bad), bad).toBeNull()
    }
  })

  it('shows an unsafe or empty link as text, never as a link', () => {
    expect(renderMarkdown('[Click me](javascript:alert(1))')).toBe(
      '<p>[Click me](javascript:alert(1))</p>\n',
    )
    expect(renderMarkdown('[Click me]()')).toBe('<p>Click me</p>\n')
    expect(renderMarkdown('[t](https://a.example "title")')).toBe(
      '<p><a href="https://a.example" rel="nofollow noopener noreferrer">t</a></p>\n',
    )
  })

  it('never writes a tag or attribute of its own choosing, whatever the input', () => {
    const piece = fc.constantFrom(
      ...'<>"\'&*_`[]()!#->\\:=/ \n\t'.split(''),
      'a',
      'Я',
      'javascript:',
      'JaVaScRiPt&#58;',
      'onerror=',
      '<script>',
      '<img src=x ',
      'https://ok.example/',
      '- ',
      '1. ',
      '> ',
      '```',
      '**',
      '](',
      '&#x3A;',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const html = renderMarkdown(pieces.join(''))
        expect(withoutOurTags(html)).not.toMatch(/[<>"]/)
        for (const href of hrefs(html)) expect(safeHref(href)).not.toBeNull()
      }),
      { numRuns: 500 },
    )
  })
})

describe('the Markdown subset', () => {
  it('renders headings, paragraphs, emphasis, code and rules', () => {
    expect(renderMarkdown('# Регламент\n\nТекст с **жирным**, *курсивом* и `кодом`.\n\n---')).toBe(
      '<h1>Регламент</h1>\n<p>Текст с <strong>жирным</strong>, <em>курсивом</em> и <code>кодом</code>.</p>\n<hr>\n',
    )
    expect(renderMarkdown('### Three ###')).toBe('<h3>Three</h3>\n')
    expect(renderMarkdown('#hashtag')).toBe('<p>#hashtag</p>\n')
    expect(renderMarkdown('*a **b** c* and **a *b***')).toBe(
      '<p><em>a <strong>b</strong> c</em> and <strong>a <em>b</em></strong></p>\n',
    )
    expect(renderMarkdown('snake_case_name and 2 * 3 * 4')).toBe(
      '<p>snake_case_name and 2 * 3 * 4</p>\n',
    )
  })

  it('renders lists, nested and numbered, tight and loose', () => {
    expect(renderMarkdown('- one\n- two\n  - nested\n- three')).toBe(
      '<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>nested</li>\n</ul>\n</li>\n<li>three</li>\n</ul>\n',
    )
    expect(renderMarkdown('3. three\n4. four')).toBe(
      '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n',
    )
    expect(renderMarkdown('- a\n\n- b')).toBe(
      '<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n',
    )
    expect(renderMarkdown('- a\n- b\n\n1. c')).toBe(
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n</ol>\n',
    )
  })

  it('renders quotes, fenced code, links and line breaks', () => {
    expect(renderMarkdown('> Спросите письменно\n> через две недели')).toBe(
      '<blockquote>\n<p>Спросите письменно\nчерез две недели</p>\n</blockquote>\n',
    )
    expect(renderMarkdown('```js\nconst a = "<b>"\n```')).toBe(
      '<pre><code>const a = &quot;&lt;b&gt;&quot;\n</code></pre>\n',
    )
    expect(renderMarkdown('[Регламент](/kb/x) и <https://example.com>')).toBe(
      '<p><a href="/kb/x" rel="nofollow noopener noreferrer">Регламент</a> и ' +
        '<a href="https://example.com" rel="nofollow noopener noreferrer">https://example.com</a></p>\n',
    )
    expect(renderMarkdown('see https://example.com/a.')).toBe(
      '<p>see <a href="https://example.com/a" rel="nofollow noopener noreferrer">https://example.com/a</a>.</p>\n',
    )
    expect(renderMarkdown('one  \ntwo\\\nthree')).toBe('<p>one<br>\ntwo<br>\nthree</p>\n')
    expect(renderMarkdown('\\*not em\\*')).toBe('<p>*not em*</p>\n')
  })

  it('turns images into plain links, so nothing loads by itself', () => {
    expect(renderMarkdown('![схема](https://example.com/x.png)')).toBe(
      '<p><a href="https://example.com/x.png" rel="nofollow noopener noreferrer">схема</a></p>\n',
    )
  })

  it('survives deep nesting and long unmatched runs without blowing up', () => {
    expect(renderMarkdown('>'.repeat(50) + ' deep')).toContain('deep')
    expect(renderMarkdown('- '.repeat(20) + 'x')).toContain('x')
    // Past 100 levels the parser stops descending (markdown-it's maxNesting) instead of recursing.
    expect(renderMarkdown('>'.repeat(5000) + ' deep')).toMatch(/^<blockquote>/)
    expect(renderMarkdown('- '.repeat(2000) + 'x')).toMatch(/^<ul>/)
    // Unclosed marks and brackets: linear work, so a hostile body stays cheap. The budget is
    // generous for a busy machine; a quadratic parser would take seconds here.
    for (const hostile of [
      '**a _b [c `d '.repeat(4000),
      '*a '.repeat(16_000),
      '['.repeat(50_000),
    ]) {
      const started = Date.now()
      renderMarkdown(hostile)
      expect(Date.now() - started).toBeLessThan(1500)
    }
  })

  it('gives the plain text search indexes: no markup, no link targets', () => {
    expect(
      markdownToText('# Title\n\nSee [the rules](https://x.example/secret) and **this**.'),
    ).toBe('Title\nSee the rules and this.')
  })
})
