import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { guidelines, measures, strategy } from '@vbe/core/strategy'

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/vbe.js')

/** Runs the built `vbe` binary as a real process. */
function vbe(...args: string[]) {
  if (!existsSync(bin)) throw new Error(`Build the CLI first (nx run @vbe/cli:build): ${bin} is missing`)
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('vbe --help', () => {
  it('describes every command', () => {
    const { code, out } = vbe('--help')
    expect(code).toBe(0)
    for (const command of ['start', 'strategy', 'plugins']) expect(out).toMatch(new RegExp(`^  ${command}\\b.*\\S`, 'm'))
    expect(out).toContain('Exit codes: 0 success, 1 some input records were invalid, 2 usage error.')
  })

  it('describes the strategy command’s flags with examples', () => {
    const { code, out } = vbe('strategy', '--help')
    expect(code).toBe(0)
    expect(out).toContain('--lang <lang>')
    expect(out).toContain('(choices: "sv", "en", default: "sv")')
    expect(out).toContain('--format <format>')
    expect(out).toContain('vbe strategy --lang en --only risks')
  })

  it('prints the version', () => {
    expect(vbe('--version').out.trim()).toBe('0.1.0')
  })
})

describe('vbe strategy', () => {
  it('prints every section as a table in Swedish by default', () => {
    const { code, out, err } = vbe('strategy')
    expect(code).toBe(0)
    expect(err).toBe('')
    expect(out).toContain('Riktlinjer (5)')
    expect(out).toContain('Åtgärder (12)')
    expect(out).toContain('Direktivets punkter (juni 2017) (12)')
    for (const g of guidelines) expect(out).toContain(g.title.sv.split(' ').slice(0, 3).join(' '))
    expect(out).toMatch(/^G1 +Rekrytering till våldsbejakande extremism/m)
  })

  it('prints English with --lang en', () => {
    const { code, out } = vbe('strategy', '--lang', 'en', '--only', 'guidelines')
    expect(code).toBe(0)
    expect(out).toMatch(/^Guidelines \(5\)$/m)
    expect(out).toMatch(/^G3 +The city shall develop its cooperation with the police/m)
    expect(out).not.toContain('Riktlinjer')
  })

  it('prints lossless JSON with both languages', () => {
    const { code, out } = vbe('strategy', '--format', 'json')
    expect(code).toBe(0)
    const data = JSON.parse(out) as typeof strategy
    expect(data.guidelines).toEqual(JSON.parse(JSON.stringify(guidelines)))
    expect(data.measures.map((m) => m.id)).toEqual(measures.ids)
    expect(Object.keys(data)).toEqual(Object.keys(strategy))
  })

  it('prints one language in JSON when --lang is given', () => {
    const data = JSON.parse(vbe('strategy', '--format', 'json', '--lang', 'en', '--only', 'risks').out) as {
      risks: Array<{ id: string; title: string; demands: string }>
    }
    expect(data.risks[2]).toMatchObject({ id: 'R3', title: 'Stigmatisation of groups' })
    expect(typeof data.risks[0]?.demands).toBe('string')
  })
})

describe('errors', () => {
  it.each([
    [['frob'], "error: unknown command 'frob'"],
    [['strat'], '(Did you mean start?)'],
    [['strategy', '--bogus'], "error: unknown option '--bogus'"],
    [['strategy', '--lang', 'de'], "error: option '--lang <lang>' argument 'de' is invalid. Allowed choices are sv, en."],
    [['strategy', '--format', 'xml'], 'Allowed choices are table, json.'],
    [['strategy', '--only', 'everything'], "argument 'everything' is invalid"],
    [[], 'error: no command given.'],
  ])('vbe %j fails with a clear message and exit code 2', (args, message) => {
    const { code, out, err } = vbe(...args)
    expect(code).toBe(2)
    expect(err).toContain(message)
    expect(out).toBe('')
  })
})

describe('vbe start and vbe plugins', () => {
  it('start shows what exists', () => {
    const { code, out } = vbe('start')
    expect(code).toBe(0)
    expect(out).toMatch(/guidelines +5 +G1 G2 G3 G4 G5/)
    expect(out).toMatch(/rinkeby-kista +1 contact\(s\), 1 grant programme\(s\)/)
  })

  it('plugins lists contacts with their check dates', () => {
    const { code, out } = vbe('plugins', '--lang', 'en')
    expect(code).toBe(0)
    expect(out).toMatch(/emergency-112 +emergency +Emergency number 112 +112 +\d{4}-\d{2}-\d{2}/)
    expect(out).toContain('rinkeby-kista/foreningsbidrag')
    const json = JSON.parse(vbe('plugins', '--format', 'json').out) as { plugins: Array<{ id: string }> }
    expect(json.plugins.map((p) => p.id)).toEqual(['norrmalm', 'rinkeby-kista'])
  })
})
