/**
 * The case page's "Tidigare beslut" in Chromium: a decision corrected at the same instant
 * (the server's clock is fixed) lists the replaced decision with links to its own letter,
 * named for screen readers by the day it was replaced, in Swedish and English; the link
 * opens that decision's letter, not the correction's. Axe-clean. Screenshot in /tmp/gs-letter-history.png.
 */
import { describe, expect, it } from 'vitest'
import { decidedCase, eligibleApplication } from './support/cases.js'
import { axe, expectCleanRun, login, newPage, openCaseFromQueue, server, setupE2e, shot } from './support/e2e.js'

setupE2e()

const ASSOCIATION = 'Husby Schackklubb E2E'

describe('grant-screening UI: the letters of replaced decisions', () => {
  const violations: string[] = []

  it('links each replaced decision to its own letter, as HTML and PDF in both languages', async () => {
    const officerApi = await server.login('officer.rk')
    const { id } = await decidedCase(officerApi, eligibleApplication('e2e-letter-history', { association: { name: ASSOCIATION } }), {
      reasons: 'Villkoren är uppfyllda för bidragsåret 2025.',
    })
    const corrected = await officerApi.json('POST', `/api/cases/${id}/revision`, {
      basis: 'correction',
      kind: 'approve',
      reasons: 'Villkoren är uppfyllda för bidragsåret 2026.',
      letterLocale: 'sv',
    })
    expect(corrected.body).toMatchObject({ status: 'decided' })

    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'officer.rk')
    // The officer declared no conflict when opening the case through the API.
    await openCaseFromQueue(page, ASSOCIATION)
    const history = page.locator('.decision__history')
    await history.getByRole('heading', { name: 'Tidigare beslut' }).waitFor()
    const web = history.getByRole('link', { name: /^Beslutsbrev, ersatt 2026-11-22, på svenska, Webbsida$/ })
    const pdf = history.getByRole('link', { name: /^Beslutsbrev, ersatt 2026-11-22, på engelska, PDF$/ })
    expect(await web.count()).toBe(1)
    expect(await pdf.count()).toBe(1)
    // The current decision's links are still there, as the other walks find them.
    expect(await page.locator('a[data-letter="sv-html"]').count()).toBe(1)
    violations.push(...(await axe(page, 'letter-history')))
    await shot(page, 'letter-history')

    const href = await web.getAttribute('href')
    expect(href).toMatch(/decision=/)
    const replaced = await context.request.get(new URL(href!, server.url).toString())
    expect(replaced.status()).toBe(200)
    const text = await replaced.text()
    expect(text).toContain('bidragsåret 2025')
    expect(text).not.toContain('Rättelse av beslut')
    const pdfRes = await context.request.get(new URL((await pdf.getAttribute('href'))!, server.url).toString())
    expect(pdfRes.status()).toBe(200)
    expect(pdfRes.headers()['content-type']).toBe('application/pdf')
    const current = await context.request.get(
      new URL((await page.locator('a[data-letter="sv-html"]').getAttribute('href'))!, server.url).toString(),
    )
    expect(await current.text()).toContain('Rättelse av beslut')
    await context.close()
    expectCleanRun(violations, ['letter-history'])
  })
})
