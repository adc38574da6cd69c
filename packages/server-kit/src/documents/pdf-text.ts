/** The characters PDF's WinAnsiEncoding has beyond Latin-1, which the standard fonts can show. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const FALLBACKS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŀ: 'l',
  Ŀ: 'L',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '≥': '>=',
  '≤': '<=',
  '\u2009': ' ',
  '\u202f': '\u00a0',
  '\u2007': ' ',
  '\u200b': '',
  '\u00ad': '',
}

const showable = (c: string) => {
  const code = c.codePointAt(0)!
  return c === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c)
}

/**
 * Text the standard PDF fonts can show: Latin-1 and WinAnsi's extras as they are, other
 * accented Latin letters without their accents, tabs as spaces, and anything else as ?.
 * `replaced` says whether anything became ?.
 */
export function pdfSafeText(text: string): { text: string; replaced: boolean } {
  let out = ''
  let replaced = false
  for (const c of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (showable(c)) out += c
    else if (FALLBACKS[c] !== undefined) out += FALLBACKS[c]
    else {
      const bare = c.normalize('NFD').replace(/\p{M}/gu, '')
      if (bare !== '' && [...bare].every(showable) && bare !== c) out += bare
      else if (/\p{Cc}|\p{Cf}/u.test(c)) out += ''
      else {
        out += '?'
        replaced = true
      }
    }
  }
  return { text: out, replaced }
}
