/**
 * Issue 17's remaining decision paths in Chromium against a real server, axe-clean at every
 * step: a partial grant (kommunicering for a lower amount, the deadline that blocks the
 * decision, the applicant's reply, the decision with its reason, the second signature, the
 * letter with the amount and the reason); and a correction and a reconsideration on new
 * facts of a decided case, each a new decision that refers to the one it replaces, all in
 * the case's history. The server's clock is moved past the kommunicering deadline (no
 * sleeping). The override of failed rules with a second signature is walked in
 * e2e-decisions. Screenshots go to /tmp/gs-*.png.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { decidedCase, eligibleApplication, openCase, TIP } from './support/cases.js'
import {
  axe,
  declareNoConflict,
  expectCleanRun,
  h1,
  login,
  logout,
  newPage,
  PASSWORD,
  openCaseFromQueue,
  server,
  setupE2e,
  shot,
} from './support/e2e.js'

// The clock the server reads; the reconsideration walk moves it past a deadline.
let now = new Date('2026-11-22T10:00:00Z')
setupE2e({ now: () => now })

const PARTIAL = 'Tensta Dansförening E2E'
const REVISED = 'Kista Bokcirkel E2E'
const money = (amount: string) => new RegExp(amount.replace(' ', '\\s') + '\\s?kr')

/** Chooses the kind (and the amount of a partial grant), writes the reasons and goes to the confirmation. */
async function fillDecision(dialog: Locator, kind: 'Bevilja' | 'Bevilja delvis', reasons: string, amount?: string): Promise<void> {
  await dialog.getByLabel(kind, { exact: true }).check()
  if (amount !== undefined) await dialog.getByLabel('Beviljat belopp').fill(amount)
  await dialog.getByLabel('Skäl för beslutet').fill(reasons)
  await dialog.getByRole('button', { name: 'Granska beslutet' }).click()
  await dialog.getByRole('heading', { name: 'Bekräfta beslutet' }).waitFor()
}

/** Sends the material for a partial grant of `amount` with `deadline`, from the case's kommunicering section. */
async function sendMaterial(page: Page, amount: string, material: string, deadline: string): Promise<void> {
  const send = page.getByRole('form', { name: 'Skicka underlaget till sökanden' })
  await send.getByLabel('Bevilja delvis').check()
  await send.getByLabel('Belopp som avses beviljas').fill(amount)
  await send.getByLabel('Underlaget som beslutet kommer att grunda sig på').fill(material)
  await send.getByLabel('Sista dag att svara').fill(deadline)
  await send.getByRole('button', { name: 'Skicka underlaget till sökanden' }).click()
  await page.getByRole('region', { name: 'Kommunicering' }).getByText(`svar senast ${deadline}`).waitFor()
}

/** The case's status, as the decision section shows it. */
const status = (page: Page) => page.getByRole('region', { name: 'Beslut' }).locator('.badge').first()

describe('grant-screening UI: a partial grant, a correction and a reconsideration', () => {
  const violations: string[] = []

  it('officer sends the material for a lower amount, waits for the reply, decides a partial grant; the approver signs', async () => {
    const officerApi = await server.login('officer.rk')
    // 80 000 kr asked; an anonymous tip the officer has dismissed keeps the four eyes of the democracy condition.
    const { id } = await openCase(
      officerApi,
      eligibleApplication('e2e-partial', { amountRequested: 80_000, association: { name: PARTIAL }, evidence: [TIP] }),
    )
    const assessed = await officerApi.json('PUT', `/api/cases/${id}/evidence/t1/assessment`, {
      status: 'dismissed',
      reason: 'Anonymt tips utan konkreta uppgifter.',
    })
    expect(assessed.body.decisionGuide).toMatchObject({ failedRules: [], fourEyes: true })

    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'officer.rk')
    await openCaseFromQueue(page, PARTIAL)
    // No diarienummer yet (the first letter assigns it), and no id in its place.
    expect(await page.locator('[data-case-number]').textContent()).toBe('Inte tilldelat ännu (tilldelas med första beslutsbrevet)')
    expect(await page.getByRole('region', { name: 'Sammanfattning' }).textContent()).not.toContain(id)

    // A partial amount must be below the amount asked, and is required; the same words as the decision's.
    const send = page.getByRole('form', { name: 'Skicka underlaget till sökanden' })
    await send.getByLabel('Bevilja delvis').check()
    await send.getByText(/^Lägre än det sökta beloppet, 80\s000\s?kr\.$/).waitFor()
    await send.getByLabel('Underlaget som beslutet kommer att grunda sig på').fill('Programmets budget räcker inte till hela beloppet.')
    await send.getByLabel('Sista dag att svara').fill('2026-12-04')
    await send.getByRole('button', { name: 'Skicka underlaget till sökanden' }).click()
    await send
      .locator('#communication-amount-error')
      .getByText(/^Måste fyllas i när bidraget beviljas delvis/)
      .waitFor()

    // Kommunicering: the material for 50 000 kr of the 80 000 asked, with a deadline; the case waits for the reply.
    await sendMaterial(page, '50000', 'Programmets budget för året räcker till 50 000 kr av de sökta 80 000 kr.', '2026-12-04')
    const communications = page.getByRole('region', { name: 'Kommunicering' })
    expect(await communications.textContent()).toMatch(/Bevilja delvis: 50\s000\s?kr/)
    await communications.getByText('Inget svar har registrerats.').waitFor()
    expect(await status(page).textContent()).toBe('Väntar på svar från sökanden')
    violations.push(...(await axe(page, 'partial communication sent sv')))
    await shot(page, 'partial-communication')

    // Before the deadline and without a reply, the partial grant is refused, naming the deadline: beside the button and in the dialog.
    const decide = page.getByRole('region', { name: 'Beslut' })
    expect(await decide.locator('[data-reply-due]').textContent()).toBe('Väntar på svar, senast 2026-12-04.')
    await page.getByRole('button', { name: 'Fatta beslut' }).click()
    const dialog = page.getByRole('dialog', { name: 'Fatta beslut' })
    // Said up front (the server's 409 is tested over HTTP): the lower amount cannot be chosen until the reply or the day after.
    expect(await dialog.getByRole('radio', { name: /^Bevilja delvis \(går inte att välja just nu/ }).isDisabled()).toBe(true)
    await dialog
      .getByText(/^Väntar på svar från sökanden, senast 2026-12-04\. Avslå och Bevilja delvis går att välja efter den dagen/)
      .waitFor()
    expect(await dialog.getByText(/kräver att sökanden först har fått ta del av underlaget/).count()).toBe(0)
    violations.push(...(await axe(page, 'partial before deadline sv')))
    await shot(page, 'partial-before-deadline', false)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    // The applicant's reply is recorded; the case resumes.
    const reply = page.getByRole('form', { name: 'Registrera svaret' })
    await reply.getByLabel('Sökandens svar').fill('Vi tar emot 50 000 kr och anpassar verksamheten efter det.')
    await reply.getByLabel('Svaret kom in').fill('2026-11-22')
    await reply.getByRole('button', { name: 'Registrera svaret' }).click()
    await communications.getByText('Vi tar emot 50 000 kr och anpassar verksamheten efter det.').waitFor()
    await communications.getByText('Svar inkom 2026-11-22:').waitFor()
    expect(await status(page).textContent()).toBe('Under handläggning')
    expect(await decide.locator('[data-reply-due]').count()).toBe(0)

    // The partial grant with its reason; the confirmation names the amount of the amount asked and the second signature.
    const reasons = 'Programmets budget för året räcker till 50 000 kr. Sökanden har svarat och godtar det lägre beloppet.'
    await page.getByRole('button', { name: 'Fatta beslut' }).click()
    await fillDecision(dialog, 'Bevilja delvis', reasons, '50000')
    await dialog.getByText('Du beslutar: Bevilja delvis.').waitFor()
    expect(await dialog.textContent()).toMatch(/Belopp: 50\s000\s?kr av sökta 80\s000\s?kr/)
    await dialog.getByText('Beslutet gäller först när en annan person har gett den andra underskriften.').waitFor()
    violations.push(...(await axe(page, 'partial confirmation sv')))
    await shot(page, 'partial-confirmation', false)
    await dialog.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Beslutet väntar på en andra underskrift av en attestant.').waitFor()
    expect(await page.getByRole('region', { name: 'Beslut' }).textContent()).toMatch(/Delvis beviljat: 50\s000\s?kr/)
    await logout(page)

    // The approver declares, reads the letter before signing, and signs.
    await login(page, 'approver.rk')
    await page.getByRole('link', { name: PARTIAL }).click()
    await declareNoConflict(page, PARTIAL)
    const previewHref = await page.locator('a[data-letter-preview="sv-html"]').getAttribute('href')
    const preview = await (await context.request.get(new URL(previewHref!, server.url).toString())).text()
    expect(preview).toMatch(money('50 000'))
    expect(preview).toContain(reasons)
    violations.push(...(await axe(page, 'partial approver sv')))
    await shot(page, 'partial-approver')
    await page.getByRole('form', { name: 'Andra underskrift' }).getByRole('button', { name: 'Godkänn beslutet' }).click()
    await page.getByRole('dialog', { name: 'Godkänna beslutet?' }).getByRole('button', { name: 'Ja, godkänn beslutet' }).click()
    await page.getByRole('heading', { name: 'Beslutsbrev' }).waitFor()
    await page.getByText(/Attesterat av Sara Nilsson/).waitFor()
    // Signed, the case has its diarienummer: the one its letter gives.
    const number = (await page.locator('[data-case-number]').textContent()) ?? ''
    expect(number).toMatch(/^JÄR 2026\/\d+$/)

    // The issued letter: the granted amount and the reason, and not the dismissed tip.
    await page.locator('a[data-letter="sv-html"]').click()
    await page.waitForURL(/\/letter\?/)
    const letter = (await page.textContent('body')) ?? ''
    expect(letter).toContain(PARTIAL)
    expect(letter).toMatch(money('50 000'))
    expect(letter).toContain(reasons)
    expect(letter).not.toMatch(/tips/i)
    expect(letter).toContain(number)
    violations.push(...(await axe(page, 'partial letter sv')))
    await shot(page, 'partial-letter')
    await page.goBack()
    await h1(page, `Ärende: ${PARTIAL}`).waitFor()
    await logout(page)
    await context.close()
  }, 240_000)

  it('officer corrects an obvious error, then reconsiders on new facts once the kommunicering deadline has passed', async () => {
    const officerApi = await server.login('officer.rk')
    const wrong = 'Föreningen uppfyller villkoren för bidragsåret 2025.'
    await decidedCase(officerApi, eligibleApplication('e2e-revise', { association: { name: REVISED } }), { reasons: wrong })

    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'officer.rk')
    await openCaseFromQueue(page, REVISED)
    const section = page.getByRole('region', { name: 'Beslut' })
    await section.getByText(wrong).waitFor()

    // A correction of an obvious error (the grant year): a new decision that replaces the first, which stays in the history.
    const corrected = 'Föreningen uppfyller villkoren för bidragsåret 2026. (Rättelse: bidragsåret var felskrivet.)'
    await page.getByRole('button', { name: 'Rätta eller ompröva beslutet' }).click()
    const revise = page.getByRole('dialog', { name: 'Rätta eller ompröva beslutet' })
    await revise.getByText('Ett nytt beslut ersätter det gällande och hänvisar till det. Båda finns kvar i ärendet.').waitFor()
    await revise.getByLabel('Rättelse (förvaltningslagen 36 §)').check()
    await fillDecision(revise, 'Bevilja', corrected)
    violations.push(...(await axe(page, 'correction confirmation sv')))
    await revise.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await revise.waitFor({ state: 'detached' })
    const history = section.locator('.decision__history')
    await history.getByRole('heading', { name: 'Tidigare beslut' }).waitFor()
    expect(await section.locator('.decision__current').textContent()).toContain('Rättelse (förvaltningslagen 36 §)')
    expect(await section.locator('.decision__current').textContent()).toContain(corrected)
    // The new decision names the one it replaces: its date, outcome and amount.
    expect(await section.locator('.decision__current [data-replaces]').textContent()).toMatch(
      /^Ersätter beslutet den 2026-11-22: Beviljat 50\s000\s?kr\.$/,
    )
    expect(await history.getByRole('listitem').count()).toBe(1)
    expect(await history.textContent()).toContain(wrong)
    expect(await history.getByRole('listitem').locator('.decision__replaced-on').textContent()).toBe('Ersatt 2026-11-22')
    violations.push(...(await axe(page, 'corrected sv')))
    await shot(page, 'corrected')

    // New facts: the association cancels its autumn term. A note records them.
    const facts = 'Föreningen meddelar att höstterminens verksamhet ställs in; bara vårterminen genomförs.'
    await page.getByLabel('Ny anteckning').fill(facts)
    await page.getByRole('button', { name: 'Spara anteckning' }).click()
    await page.getByText(facts, { exact: true }).waitFor()

    // A reconsideration to a lower amount is adverse: refused until the material has been sent since the last decision.
    const reconsidered = 'Verksamheten halveras när höstterminen ställs in; bidraget omprövas till 25 000 kr.'
    await page.getByRole('button', { name: 'Rätta eller ompröva beslutet' }).click()
    await revise.getByLabel('Omprövning (förvaltningslagen 37–39 §§)').check()
    await fillDecision(revise, 'Bevilja delvis', reconsidered, '25000')
    await revise.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await revise
      .getByText(/Skicka underlaget till sökanden först\./)
      .first()
      .waitFor()
    violations.push(...(await axe(page, 'reconsideration not communicated sv')))
    await shot(page, 'reconsideration-not-communicated', false)
    await page.keyboard.press('Escape')
    await revise.waitFor({ state: 'detached' })
    await sendMaterial(page, '25000', facts, '2026-12-04')
    expect(await status(page).textContent()).toBe('Beslutad')
    violations.push(...(await axe(page, 'reconsideration communicated sv')))

    // Two weeks later, the deadline passed without a reply: the session has ended with time, and the officer signs in again.
    now = new Date('2026-12-07T09:00:00Z')
    await page.reload()
    await h1(page, 'Logga in').waitFor()
    await shot(page, 'session-ended', false)
    await page.getByLabel('Användarnamn').fill('officer.rk')
    await page.getByLabel('Lösenord').fill(PASSWORD)
    await page.getByRole('button', { name: 'Logga in' }).click()
    // Signed in again, the officer is back on the case they were on.
    await h1(page, `Ärende: ${REVISED}`).waitFor()
    await page.getByRole('region', { name: 'Kommunicering' }).getByText('Inget svar har registrerats.').waitFor()
    await page.getByRole('button', { name: 'Rätta eller ompröva beslutet' }).click()
    await revise.getByLabel('Omprövning (förvaltningslagen 37–39 §§)').check()
    await fillDecision(revise, 'Bevilja delvis', reconsidered, '25000')
    expect(await revise.textContent()).toMatch(/Belopp: 25\s000\s?kr av sökta 50\s000\s?kr/)
    violations.push(...(await axe(page, 'reconsideration confirmation sv')))
    await revise.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await revise.waitFor({ state: 'detached' })

    // The reconsidered decision is current; the correction and the first decision are both in the history, the latest first.
    await section.locator('.decision__current').getByText(reconsidered).waitFor()
    const current = (await section.locator('.decision__current').textContent()) ?? ''
    expect(current).toContain('Omprövning (förvaltningslagen 37–39 §§)')
    expect(current).toMatch(/Delvis beviljat: 25\s000\s?kr/)
    expect(current).toMatch(/Ersätter beslutet den 2026-11-22: Beviljat 50\s000\s?kr\./)
    const old = history.getByRole('listitem')
    expect(await old.count()).toBe(2)
    expect(await old.nth(0).textContent()).toContain(corrected)
    expect(await old.nth(0).textContent()).toContain('Rättelse (förvaltningslagen 36 §)')
    expect(await old.nth(0).textContent()).toMatch(/^Ersatt 2026-12-07/)
    expect(await old.nth(1).textContent()).toContain(wrong)
    expect(await old.nth(1).textContent()).toMatch(/^Ersatt 2026-11-22/)
    violations.push(...(await axe(page, 'reconsidered sv')))
    await shot(page, 'reconsidered')

    // The new letter grants the new amount, with the new reasons.
    const letterHref = await page.locator('a[data-letter="sv-html"]').getAttribute('href')
    const letter = await (await context.request.get(new URL(letterHref!, server.url).toString())).text()
    expect(letter).toMatch(money('25 000'))
    expect(letter).toContain(reconsidered)
    expect(letter).toMatch(
      /Detta beslut ersätter beslutet den 22 november 2026 i ärende JÄR 2026\/\d+ \(omprövning enligt 37–38 §§ förvaltningslagen\)\./,
    )
    await logout(page)
    await context.close()
  }, 240_000)

  it('has 0 axe violations on every page, no CSP violations and no page errors', () => {
    expectCleanRun(violations, [
      'partial communication sent sv',
      'partial before deadline sv',
      'partial confirmation sv',
      'partial approver sv',
      'partial letter sv',
      'correction confirmation sv',
      'corrected sv',
      'reconsideration not communicated sv',
      'reconsideration communicated sv',
      'reconsideration confirmation sv',
      'reconsidered sv',
    ])
  })
})
