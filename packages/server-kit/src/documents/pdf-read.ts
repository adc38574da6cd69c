/** WinAnsiEncoding's 0x80–0x9F (Node's TextDecoder reads windows-1252 there as Latin-1). */
const WIN_ANSI_HIGH = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ']

/**
 * The text an uncompressed PDF written by `PdfWriter` shows (`compress: false`): every TJ
 * operator's hex strings, WinAnsi-decoded, one TJ a line. For tests and checks, not a
 * general PDF reader.
 */
export function readPdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1')
  const out: string[] = []
  for (const tj of raw.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let line = ''
    for (const hex of (tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
      for (const byte of Buffer.from(hex[1] ?? '', 'hex')) line += WIN_ANSI_HIGH[byte - 0x80] ?? String.fromCharCode(byte)
    }
    out.push(line)
  }
  return out.join('\n')
}
