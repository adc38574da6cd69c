import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, posix, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const all = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0')
const tracked = all.filter((f) => /\.(c|m)?[jt]sx?$|\.json$|\.ya?ml$|\.sh$|\.md$/.test(f) && f !== 'package-lock.json')

/** Relative paths written in `file` (as `../…` runs) that climb above the repository root. */
function escapes(file: string): string[] {
  const text = readFileSync(resolve(root, file), 'utf8')
  const found: string[] = []
  for (const m of text.matchAll(/(?:\.\.\/)+[\w.*{}-]+/g)) {
    const joined = posix.normalize(posix.join(posix.dirname(file), m[0]))
    if (joined.startsWith('..')) found.push(m[0])
  }
  return found
}

describe('the repository stands on its own', () => {
  it('holds the source documents the strategy content is taken from', () => {
    expect(all).toContain('docs/sources/norrmalm-remissvar-strategi-vbe-2015.txt')
    expect(all).toContain('docs/sources/rinkeby-kista-protokoll-2017-09-21-par10.txt')
  })

  it('has no file that points outside the repository', () => {
    const outside = tracked.flatMap((f) => escapes(f).map((p) => `${f}: ${p}`))
    expect(outside).toEqual([])
  })

  it('notices a path that climbs out (the check itself works)', () => {
    const m = 'packages/core/test/x.ts'
    expect(posix.normalize(posix.join(posix.dirname(m), `${'../'.repeat(4)}shared/seeds`)).startsWith('..')).toBe(true)
    expect(posix.normalize(posix.join(posix.dirname(m), '../../../docs/sources')).startsWith('..')).toBe(false)
  })
})
