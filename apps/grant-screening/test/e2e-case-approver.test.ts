/**
 * One case after the officer's decision, in Debian's Chromium against a real server
 * (PGlite, demo data): the approver declares no conflict and gives the second signature;
 * the letter opens as HTML and PDF; the officer records the follow-up and a reclaim; the
 * auditor verifies the chain. Every page is checked with axe for WCAG 2.1 A/AA under the
 * server's real CSP. The case is the one the officer walk (e2e-case-officer.test.ts) takes
 * to a decision, set up here through the API. Screenshots go to /tmp/gs-*.png.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { demoApplication } from '../src/index.js'
import { decidedCase } from './support/cases.js'
import {
  ASSOCIATION,
  axe,
  declareNoConflict,
  EVIDENCE,
  expectCleanRun,
  h1,
  login,
  logout,
  newPage,
  server,
  setLanguage,
  setupE2e,
  shot,
} from './support/e2e.js'

setupE2e()

describe('grant-screening UI: the second signature, the letters, follow-up, reclaim and audit', () => {
  const violations: string[] = []
  let caseId = ''

  // The officer's decision, as the officer walk makes it: a grant against the unassessed tip,
  // with a reason for overriding the democracy condition, waiting for a second signature.
  beforeAll(async () => {
    const application = demoApplication('e2e-001', {
      amountRequested: 60_000,
      association: {
        name: ASSOCIATION,
        organisationNumber: '802400-1235',
        activitySince: '2018-05-01',
        bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true },
      },
      evidence: JSON.parse(EVIDENCE),
    })
    const decided = await decidedCase(await server.login('officer.rk'), application, {
      reasons: 'Tipset är inte styrkt; föreningen uppfyller villkoren.',
      overrideReason: 'Tipset är anonymt och har inte kunnat styrkas.',
    })
    expect(decided.detail.status).toBe('awaiting_approval')
    caseId = decided.id
  })

  it('approver: declares no conflict, gives the second signature and opens the letters', async () => {
    expect(caseId).not.toBe('')
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'approver.rk')
    await page.getByRole('link', { name: ASSOCIATION }).click()
    await declareNoConflict(page)
    const approval = page.getByRole('form', { name: 'Andra underskrift' })
    await approval.waitFor()
    violations.push(...(await axe(page, 'case approver sv')))
    await approval.getByLabel(/Kommentar/).fill('Instämmer.')
    // Approving makes the decision final: it asks first, focus on Cancel; cancelling leaves it unsigned.
    await approval.getByRole('button', { name: 'Godkänn beslutet' }).click()
    const confirmApproval = page.getByRole('dialog', { name: 'Godkänna beslutet?' })
    await confirmApproval.waitFor()
    expect(await page.locator(':focus').textContent()).toBe('Avbryt')
    violations.push(...(await axe(page, 'approval confirmation sv')))
    await confirmApproval.getByRole('button', { name: 'Avbryt' }).click()
    await confirmApproval.waitFor({ state: 'detached' })
    expect(await page.getByText(/Attesterat av/).count()).toBe(0)
    await approval.getByRole('button', { name: 'Godkänn beslutet' }).click()
    await confirmApproval.getByRole('button', { name: 'Ja, godkänn beslutet' }).click()
    await page.getByRole('heading', { name: 'Beslutsbrev' }).waitFor()
    // People are named by display name, never by username (the approval line comes with the case's
    // next read, which can follow the letter's heading on a loaded machine).
    await page.getByText(/Attesterat av Sara Nilsson/).waitFor()
    expect(await page.getByText(/Beslutat av Amina Yusuf/).count()).toBe(1)
    expect(await page.getByText(/Attesterat av Sara Nilsson/).count()).toBe(1)
    expect(await page.textContent('main')).not.toMatch(/officer\.rk|approver\.rk/)
    await shot(page, 'case-decided')

    // The PDF, fetched with the page's cookies.
    const pdfHref = await page.locator('a[data-letter="sv-pdf"]').getAttribute('href')
    const pdf = await context.request.get(new URL(pdfHref!, server.url).toString())
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toContain('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    // The HTML letter in Swedish names the association.
    await page.locator('a[data-letter="sv-html"]').click()
    await page.waitForURL(/\/letter\?/)
    expect(await page.textContent('body')).toContain(ASSOCIATION)
    await shot(page, 'letter-sv')
    await page.goBack()
    await h1(page, `Ärende: ${ASSOCIATION}`).waitFor()
    await logout(page)

    // Back to the officer for the follow-up: the report due date, then a reclaim.
    await login(page, 'officer.rk')
    await page.getByRole('link', { name: ASSOCIATION }).click()
    await h1(page, `Ärende: ${ASSOCIATION}`).waitFor()
    const followUp = page.getByRole('region', { name: 'Uppföljning' })
    await followUp.getByLabel('Redovisning senast').fill('2027-03-31')
    await followUp.getByRole('button', { name: 'Spara uppföljning' }).click()
    await page.getByTestId('announcer').filter({ hasText: 'Uppföljningen sparades.' }).waitFor()
    const reclaim = page.getByRole('region', { name: 'Återkrav' })
    await reclaim.getByLabel('Belopp att återkräva').fill('90000')
    await reclaim.getByLabel('Skäl för återkravet').fill('Redovisningen visar att bidraget inte använts enligt ansökan.')
    await reclaim.getByRole('button', { name: 'Besluta om återkrav' }).click()
    // A reclaim cannot be taken back here: it asks first, naming the amount; focus on Cancel.
    const confirmReclaim = page.getByRole('dialog', { name: 'Besluta om återkrav?' })
    await confirmReclaim.waitFor()
    expect(await confirmReclaim.textContent()).toContain('Föreningen ska betala tillbaka 90\u00a0000 kr')
    expect(await page.locator(':focus').textContent()).toBe('Avbryt')
    violations.push(...(await axe(page, 'reclaim confirmation sv')))
    await confirmReclaim.getByRole('button', { name: 'Ja, besluta om återkrav' }).click()
    await page.locator('#reclaim-amount[aria-invalid="true"]').waitFor()
    expect(await page.locator('#reclaim-amount-error').textContent()).toContain('60000')
    violations.push(...(await axe(page, 'case follow-up sv')))
    await reclaim.getByLabel('Belopp att återkräva').fill('20000')
    await reclaim.getByRole('button', { name: 'Besluta om återkrav' }).click()
    await confirmReclaim.getByRole('button', { name: 'Ja, besluta om återkrav' }).click()
    await reclaim.getByText(/Återkrav på 20\s000 kr beslutat av Amina Yusuf/).waitFor()
    expect(await page.textContent('main')).not.toMatch(/officer\.rk|approver\.rk/)
    await shot(page, 'case-follow-up')
    await page.getByRole('link', { name: /Tillbaka till ärendelistan/ }).click()
    await page.getByRole('table').getByRole('row').filter({ hasText: ASSOCIATION }).filter({ hasText: '2027-03-31' }).waitFor()
    await logout(page)
    await context.close()
  }, 180_000)

  it('auditor: the audit trail lists the events and verifies the chain', async () => {
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'auditor')
    await page.getByRole('link', { name: 'Granskningslogg' }).click()
    await h1(page, 'Granskningslogg').waitFor()
    const table = page.getByRole('table', { name: /Händelser/ })
    await table.waitFor()
    // The approval shows by its label; the action code itself never reaches the page.
    expect(await table.getByRole('row').filter({ hasText: 'Beslutsförslag godkändes' }).count()).toBeGreaterThan(0)
    expect(await table.textContent()).not.toContain('case.decision.approve')
    await page.getByRole('button', { name: 'Kontrollera kedjan' }).click()
    await page.getByText(/Kedjan är hel: \d+ händelser kontrollerade utan fel\./).waitFor()
    violations.push(...(await axe(page, 'audit sv')))
    await shot(page, 'audit')
    await setLanguage(page, 'English')
    await h1(page, 'Audit trail').waitFor()
    violations.push(...(await axe(page, 'audit en')))
    await context.close()
  }, 120_000)

  it('has 0 axe violations on every page, no CSP violations and no page errors', () => {
    expectCleanRun(violations, [
      'case approver sv',
      'approval confirmation sv',
      'reclaim confirmation sv',
      'case follow-up sv',
      'audit sv',
      'audit en',
    ])
  })
})
