import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The source documents live in `docs/sources`, inside the repository. */
export const sourcesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/sources')

export function sourceText(file: string): string {
  const path = resolve(sourcesDir, file)
  if (!existsSync(path)) throw new Error(`Source document not found: ${path}`)
  return readFileSync(path, 'utf8')
}

/**
 * Folds Swedish text and its OCR damage to plain lower-case ASCII words, so that
 * "våldsbejakande", "valdsbejakande" and "véldsbejakande" compare equal.
 */
export function fold(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}

/**
 * Share of the longer words of `phrase` that occur in `document`, after folding. A word
 * also counts when the document has it with one OCR slip per six letters
 * ("omvdrldsbevaka" for "omvärldsbevaka").
 */
export function wordCoverage(phrase: string, document: string): number {
  const docWords = [...new Set(fold(document))]
  const doc = new Set(docWords)
  const words = fold(phrase).filter((w) => w.length > 3)
  if (words.length === 0) return 1
  const found = (w: string) =>
    doc.has(w) || docWords.some((d) => Math.abs(d.length - w.length) <= 1 && editDistance(d, w) <= Math.floor(w.length / 6))
  return words.filter(found).length / words.length
}

/** The error of class `type` that `fn` throws; fails the test when `fn` throws nothing or another error. */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn()
  } catch (error) {
    if (error instanceof type) return error
    throw error
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`)
}
