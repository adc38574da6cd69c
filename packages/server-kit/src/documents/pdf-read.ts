import { inflateSync } from 'node:zlib'

/** WinAnsiEncoding's 0x80–0x9F (Node's TextDecoder reads windows-1252 there as Latin-1). */
const WIN_ANSI_HIGH = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ']

/** The PDF's content as Latin-1 text, with every Flate-compressed stream inflated in place. */
function inflated(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1')
  return raw.replace(/\/FlateDecode([^]*?)stream\r?\n([^]*?)\r?\nendstream/g, (whole, between: string, body: string) => {
    if (between.includes('endobj')) return whole
    try {
      return `${between}stream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`
    } catch {
      return whole
    }
  })
}

/**
 * The text a PDF written by `PdfWriter` shows: every TJ operator's hex strings,
 * WinAnsi-decoded, one TJ a line; compressed streams are inflated first. For tests and
 * checks, not a general PDF reader.
 */
export function readPdfText(pdf: Uint8Array): string {
  const out: string[] = []
  for (const tj of inflated(pdf).matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let line = ''
    for (const hex of (tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
      for (const byte of Buffer.from(hex[1] ?? '', 'hex')) line += WIN_ANSI_HIGH[byte - 0x80] ?? String.fromCharCode(byte)
    }
    out.push(line)
  }
  return out.join('\n')
}
