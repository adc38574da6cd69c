/**
 * The re-screen page in Chromium against a real server (PGlite, demo data): a case's
 * evidence item dated after its last screening is counted once its day has come, and the
 * run's table says in words which item changed (conduct, who, day, source, how it counted
 * before and now), in Swedish and in English, with no id or code. Checked with axe under
 * the real CSP. Screenshots go to /tmp/gs-rescreen-evidence-*.png.
 */
import { describe, expect, it } from 'vitest'
import { addEvidence, eligibleApplication, LATER_THREAT, openCase } from './support/cases.js'
import { axe, expectCleanRun, h1, login, newPage, server, setLanguage, setupE2e, shot } from './support/e2e.js'

let today = new Date('2026-11-22T10:00:00Z')
setupE2e({ now: () => today })

const NAME = 'Förening t-e2e-rescreen-evidence'

describe('grant-screening UI: a re-screen names the evidence that changed', () => {
  const violations: string[] = []

  it('admin (sv, then en): the flipped case shows the new item in words', async () => {
    const officer = await server.login('officer.rk')
    const opened = await openCase(officer, eligibleApplication('t-e2e-rescreen-evidence'))
    const { evidenceId } = await addEvidence(officer, opened.id, LATER_THREAT)
    today = new Date('2026-12-05T10:00:00Z')

    const { context, page } = await newPage()
    try {
      await page.goto(server.url)
      await login(page, 'admin.rk')
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Omprövningar' }).click()
      await h1(page, 'Omprövningar').waitFor()
      await page.getByRole('button', { name: 'Starta omprövning' }).click()
      const table = page.getByRole('table', { name: /^Ärenden som ändrade resultat/ })
      await table.waitFor()
      expect(await table.getByRole('columnheader', { name: 'Ändrat underlag' }).count()).toBe(1)
      const row = table.getByRole('row').filter({ hasText: NAME })
      const sv = (await row.textContent()) ?? ''
      expect(sv).toContain('Ny uppgift sedan förra granskningen: Hot (föreningen) den 2026-12-01, styrkt, källa: dom.')
      expect(sv).toContain('Förut: Ej tillämpligt. Nu: Inte uppfyllt.')
      for (const raw of [
        evidenceId,
        'court-judgment',
        'not_met',
        'democracy-condition',
        LATER_THREAT.source.reference,
        LATER_THREAT.summary,
      ])
        expect(sv).not.toContain(raw)
      violations.push(...(await axe(page, 'rescreen evidence sv')))
      await shot(page, 'rescreen-evidence-sv')

      await setLanguage(page, 'English')
      await h1(page, 'Re-screens').waitFor()
      const en =
        (await page
          .getByRole('table', { name: /^Cases that changed outcome/ })
          .getByRole('row')
          .filter({ hasText: NAME })
          .textContent()) ?? ''
      expect(en).toContain('New since the last screening: Threats (the association) on 2026-12-01, verified, source: court judgment.')
      expect(en).toContain('Before: Not applicable. Now: Not met.')
      for (const raw of [evidenceId, 'court-judgment', 'not_met', 'democracy-condition']) expect(en).not.toContain(raw)
      violations.push(...(await axe(page, 'rescreen evidence en')))
      await shot(page, 'rescreen-evidence-en')
    } finally {
      await context.close()
    }
  }, 240_000)

  it('has 0 axe violations, no CSP violations and no page errors', () => {
    expectCleanRun(violations, ['rescreen evidence sv', 'rescreen evidence en'])
  })
})
