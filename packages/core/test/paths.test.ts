import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fieldProblems, formatPath } from '../src/index.js'

describe('field paths', () => {
  it('are written as in the code: names with dots, list places in brackets', () => {
    expect(formatPath(['contacts', 0, 'source', 'url'])).toBe('contacts[0].source.url')
    expect(formatPath(['followUps', '2026-H1'])).toBe('followUps.2026-H1')
    expect(formatPath([])).toBe('(root)')
  })

  it('quote a key that is not a plain name, so a path is never blank and never reads as another path', () => {
    expect(formatPath([' '])).toBe('[" "]')
    expect(formatPath([''])).toBe('[""]')
    expect(formatPath(['evidence', 0, 'a.b'])).toBe('evidence[0]["a.b"]')
    expect(formatPath(['x"]'])).toBe('["x\\"]"]')
  })

  it('name an unknown field at its own path, quoted when it is not a plain name', () => {
    const r = z.strictObject({ name: z.string() }).safeParse({ name: 'x', ' ': true, colour: 1 })
    expect(r.success).toBe(false)
    const paths = r.success ? [] : fieldProblems(r.error).map((p) => p.path)
    expect(paths.sort()).toEqual(['[" "]', 'colour'])
    expect(paths.every((p) => /\S/.test(p))).toBe(true)
  })
})
