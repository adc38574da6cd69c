import { describe, expect, it } from 'vitest'
import {
  createTranslator,
  fill,
  fallbackChain,
  LANGUAGES,
  MESSAGE_KEYS,
  missingKeys,
  parseLanguage,
  splitPlaceholders,
} from '../src/i18n.js'
import { messages } from '../src/messages/index.js'

describe('UI texts', () => {
  it('Swedish and English are complete (they are the fallbacks)', () => {
    expect(missingKeys(messages.sv)).toEqual([])
    expect(missingKeys(messages.en)).toEqual([])
  })

  it.each(LANGUAGES)('%s has only known keys and the same placeholders as English', (lang) => {
    const m = messages[lang]
    for (const key of Object.keys(m)) expect(MESSAGE_KEYS).toContain(key)
    for (const key of MESSAGE_KEYS) {
      const text = m[key]
      if (text === undefined) continue
      const names = (s: string) =>
        splitPlaceholders(s)
          .flatMap((p) => (p.kind === 'var' ? [p.name] : []))
          .sort()
      expect(names(text), `${lang}.${key}`).toEqual(names(messages.en[key] ?? ''))
    }
  })

  it('phone numbers never sit inside a translated sentence as digits (they are placeholders, isolated LTR)', () => {
    for (const lang of LANGUAGES) expect((messages[lang].closedUrgent ?? '').replace(/\{[a-z0-9]+\}/gi, '')).not.toMatch(/\d/)
  })

  it('falls back along the chain and never shows a key', () => {
    const t = createTranslator('so', [
      ['so', { title: 'Cinwaan' }],
      ['en', { title: 'Title', intro: 'Intro in English' }],
      ['sv', { language: 'Språk' }],
    ])
    expect(t('title')).toBe('Cinwaan')
    expect(t('intro')).toBe('Intro in English')
    expect(t.find('intro')).toEqual({ text: 'Intro in English', lang: 'en' })
    expect(t('language')).toBe('Språk')
    expect(t('privacy')).toBe('')
    expect(t('privacy')).not.toContain('privacy')
  })

  it('fills placeholders as text', () => {
    const t = createTranslator('en', [['en', { missingAsk: 'Ask {name} instead.' }]])
    expect(fill(t('missingAsk'), { name: '<b>x</b>' })).toBe('Ask <b>x</b> instead.')
  })

  it('reads language tags', () => {
    expect(parseLanguage('ar-SE')).toBe('ar')
    expect(parseLanguage('FA')).toBe('fa')
    expect(parseLanguage('de')).toBe('sv')
    expect(parseLanguage(null, 'en')).toBe('en')
    expect(fallbackChain('ti')).toEqual(['ti', 'en', 'sv'])
    expect(fallbackChain('sv')).toEqual(['sv', 'en'])
  })
})
