/**
 * Issue 17's decision paths in Chromium against a real server, axe-clean in every step:
 * a grant against three failed rules (a reason per rule, the confirmation, the second
 * signature); kommunicering before a denial (the letter, the deadline refusal, the
 * reply); evidence assessment; and a correction of the decision, with the old decision
 * kept in the record.
 */
import { typeAndLeave } from '@vbe/test-browser'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { eligibleApplication, openCase, threeFailedRules } from './support/cases.js'
import { axe, expectCleanRun, login, logout, newPage, openCaseFromQueue, server, setupE2e, shot } from './support/e2e.js'

setupE2e()

const ISSUE = 'Järva Ungdomsråd E2E'
const PLAIN = 'Rinkeby Läxhjälp E2E'

/** Creates a case through the API and declares no conflict for the officer and `others`. */
async function createCase(application: unknown, others: readonly string[] = []): Promise<void> {
  const officer = await server.login('officer.rk')
  await openCase(officer, application, { declare: await Promise.all(others.map((u) => server.login(u))) })
}

/** The text of the element that has focus (its tag when it is the page's body). */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string | null } | null } }).document
      .activeElement
    return el === null || el.tagName === 'BODY' ? '<body>' : (el.textContent ?? '').trim()
  })

describe('grant-screening UI: guarded decisions, kommunicering and correction', () => {
  const violations: string[] = []

  it('officer: grants against three failed rules only with a reason per rule, and the approver signs', async () => {
    await createCase(threeFailedRules('e2e-issue', ISSUE), ['approver.rk'])
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'officer.rk')
    await openCaseFromQueue(page, ISSUE)
    await page.getByRole('button', { name: 'Fatta beslut' }).click()
    const dialog = page.getByRole('dialog', { name: 'Fatta beslut' })
    await dialog.getByLabel('Bevilja', { exact: true }).check()
    for (const rule of ['Konto i föreningens namn', 'Högsta belopp i programmet', 'Verksamhetens längd'])
      await dialog.getByLabel(new RegExp(`^Skäl: ${rule}`)).waitFor()
    await dialog.getByLabel('Skäl för beslutet').fill('Föreningen gör ett viktigt arbete.')
    await dialog.getByRole('button', { name: 'Granska beslutet' }).click()
    expect(await dialog.textContent()).toMatch(/Belopp: 150\s000\s?kr av sökta 150\s000\s?kr/)
    await dialog.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    // Back at the form: the error summary names each rule without a reason.
    const summary = dialog.getByRole('alert')
    await summary.waitFor()
    expect((await summary.textContent()) ?? '').toMatch(/Högsta belopp i programmet/)
    violations.push(...(await axe(page, 'decision overrides missing sv')))
    await shot(page, 'decision-overrides', false)
    // One reason pasted for every rule: granting above the programme maximum needs a reason of its own.
    for (const field of await dialog.getByLabel(/^Skäl: /).all()) await field.fill('Nämnden har medgett undantag.')
    await dialog.getByRole('button', { name: 'Granska beslutet' }).click()
    expect(await dialog.textContent()).toMatch(/Beloppet är över programmets högsta belopp \(100\s000\s?kr\)\./)
    await dialog.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await dialog.locator('[aria-invalid="true"][id$="max-amount"]').waitFor()
    expect(await dialog.getByRole('alert').textContent()).toContain('behöver ett eget skäl för att bevilja över programmets högsta belopp')
    await dialog.getByLabel(/^Skäl: Högsta belopp i programmet/).fill('Nämnden beslutade den 1 december om ett högre belopp för året.')
    await dialog.getByRole('button', { name: 'Granska beslutet' }).click()
    await dialog.getByText('Beslutet gäller först när en annan person har gett den andra underskriften.').waitFor()
    violations.push(...(await axe(page, 'decision overrides confirmation sv')))
    await dialog.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Beslutet väntar på en andra underskrift av en attestant.').waitFor()
    await page.getByText('Beviljat trots villkor som inte är uppfyllda:').waitFor()
    await logout(page)

    await login(page, 'approver.rk')
    await openCaseFromQueue(page, ISSUE)
    // The approver sees that the amount is above the programme maximum before signing.
    await page.getByText(/– över programmets högsta belopp \(100\s000\s?kr\)/).waitFor()
    await page.getByRole('form', { name: 'Andra underskrift' }).getByRole('button', { name: 'Godkänn beslutet' }).click()
    await page.getByRole('dialog', { name: 'Godkänna beslutet?' }).getByRole('button', { name: 'Ja, godkänn beslutet' }).click()
    await page.getByRole('heading', { name: 'Beslutsbrev' }).waitFor()
    violations.push(...(await axe(page, 'decision overridden and signed sv')))
    await logout(page)
    await context.close()
  }, 180_000)

  it('officer: sends the material before a denial, is refused before the deadline, records the reply, denies and corrects', async () => {
    await createCase(
      eligibleApplication('e2e-plain', {
        amountRequested: 40_000,
        association: { name: PLAIN },
        evidence: [
          {
            id: 't1',
            conduct: 'threat',
            actor: 'organisation',
            withinActivities: true,
            verified: false,
            date: '2026-05-01',
            source: { kind: 'tip' },
          },
        ],
      }),
    )
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'officer.rk')
    await openCaseFromQueue(page, PLAIN)

    // Evidence assessment by a named officer.
    const assess = page.getByRole('form', { name: 'Bedömning' })
    await assess.getByLabel('Underlag om demokrativillkoret').selectOption({ index: 1 })
    await assess.getByLabel('Avfärdad').check()
    await assess.getByRole('button', { name: 'Spara bedömningen' }).click()
    await page.locator('#assessment-reason[aria-invalid="true"]').waitFor()
    await assess.getByLabel('Skäl för att avfärda').fill('Anonymt tips utan konkreta uppgifter.')
    await assess.getByRole('button', { name: 'Spara bedömningen' }).click()
    await page.getByRole('table', { name: 'Registrerat underlag' }).getByText('Amina Yusuf', { exact: false }).waitFor()
    violations.push(...(await axe(page, 'evidence assessed sv')))

    // Kommunicering: the material goes to the applicant with a deadline; the case waits.
    const send = page.getByRole('form', { name: 'Skicka underlaget till sökanden' })
    // Sent empty: each field says what it needs, about what the administration intends (not what "you decide").
    await send.getByRole('button', { name: 'Skicka underlaget till sökanden' }).click()
    await send.locator('[aria-invalid="true"]').nth(1).waitFor()
    const emptyErrors = (await send.locator('.field__error').allTextContents()).join(' | ')
    expect(emptyErrors).toContain('Välj vad förvaltningen avser att besluta')
    expect(emptyErrors).toContain('Skriv underlaget som beslutet kommer att grunda sig på')
    expect(emptyErrors).toContain('Ange sista dag för sökanden att svara')
    expect(emptyErrors).not.toContain('Välj vad du beslutar')
    expect(await send.getByRole('alert').textContent()).toContain('Det gick inte att skicka underlaget')
    expect(await send.getByRole('alert').getByRole('link').count()).toBe(3)
    expect(await send.locator('textarea[aria-invalid="true"]').count()).toBe(1)
    expect(await send.locator('input[aria-invalid="true"]').count()).toBe(1)
    violations.push(...(await axe(page, 'communication empty sv')))
    await shot(page, 'communication-empty', false)
    await send.getByLabel('Avslå').check()
    // First with no material and a day that does not exist: the server's field error is told in the
    // summary by the field's label (never its path), and the date by the same words as at the field.
    // Left first: the field's own error appears then, and the button moves down.
    await typeAndLeave(send.getByLabel('Sista dag att svara'), '2026-02-30')
    await send.getByRole('button', { name: 'Skicka underlaget till sökanden' }).click()
    const sendErrors = send.getByRole('alert')
    await sendErrors.getByText('Rätta det som är markerat nedan.').waitFor()
    const [materialLine, deadlineLine, ...more] = await sendErrors.getByRole('listitem').allTextContents()
    expect(more).toEqual([])
    const materialError = (await send.locator('#communication-material-error').textContent()) ?? ''
    // At the field the message stands alone and starts with a capital; it names its field
    // ("underlaget som beslutet kommer att grunda sig på"), so the summary gives it without the label again.
    expect(materialError).toMatch(/^\p{Lu}/u)
    expect(materialLine).toBe(materialError)
    expect(deadlineLine).toBe('Sista dag att svara: 2026-02-30 finns inte. Februari 2026 har 28 dagar.')
    expect(await send.locator('#communication-deadline-error').textContent()).toBe(deadlineLine)
    expect(await sendErrors.textContent()).not.toMatch(/material|deadline|Uppgifterna i begäran|ÅÅÅÅ-MM-DD/)
    await sendErrors.getByRole('link', { name: deadlineLine! }).click()
    expect(
      await send
        .getByLabel('Sista dag att svara')
        .evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).toBe(true)
    violations.push(...(await axe(page, 'communication errors sv')))
    await shot(page, 'communication-errors')
    await send.getByLabel('Underlaget som beslutet kommer att grunda sig på').fill('Budgeten för året är förbrukad.')
    await send.getByLabel('Sista dag att svara').fill('2026-12-06')
    await send.getByRole('button', { name: 'Skicka underlaget till sökanden' }).click()
    await page.getByRole('heading', { name: 'Registrera svaret' }).waitFor()
    // The form is gone; focus moves to the message that says what happened, not to the page's body.
    expect(await focusedText(page)).toBe('Underlaget är skickat. Ärendet väntar på svar till och med 2026-12-06.')
    violations.push(...(await axe(page, 'communication sent sv')))
    await shot(page, 'communication')
    const letterHref = await page.locator('a[data-communication-letter="sv-html"]').getAttribute('href')
    const letter = await context.request.get(new URL(letterHref!, server.url).toString())
    expect(letter.status()).toBe(200)
    const letterText = await letter.text()
    expect(letterText).toContain('Kommunicering inför beslut om bidrag')
    expect(letterText).not.toContain('tips')

    // Before the deadline without a reply, the dialog says up front what the server would refuse (409, tested over HTTP):
    // Avslå and Bevilja delvis cannot be chosen, and the notice gives the day.
    await page.getByRole('button', { name: 'Fatta beslut' }).click()
    const dialog = page.getByRole('dialog', { name: 'Fatta beslut' })
    expect(await dialog.getByRole('radio', { name: 'Avslå (går inte att välja just nu, se nedan)' }).isDisabled()).toBe(true)
    expect(await dialog.getByRole('radio', { name: /^Bevilja delvis/ }).isDisabled()).toBe(true)
    expect(await dialog.getByRole('radio', { name: 'Bevilja', exact: true }).isDisabled()).toBe(false)
    expect(await dialog.locator('[data-reply-due]').textContent()).toBe(
      'Väntar på svar från sökanden, senast 2026-12-06. Avslå och Bevilja delvis går att välja efter den dagen, eller när svaret har registrerats.',
    )
    violations.push(...(await axe(page, 'decision before deadline sv')))
    await shot(page, 'decision-before-deadline', false)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    const reply = page.getByRole('form', { name: 'Registrera svaret' })
    await reply.getByLabel('Sökandens svar').fill('Vi förstår beslutet.')
    await reply.getByLabel('Svaret kom in').fill('2026-11-22')
    await reply.getByRole('button', { name: 'Registrera svaret' }).click()
    await page.getByText('Vi förstår beslutet.').waitFor()
    expect(await focusedText(page)).toBe('Svaret är registrerat och ärendet återupptaget.')

    await page.getByRole('button', { name: 'Fatta beslut' }).click()
    await dialog.getByLabel('Avslå').check()
    await dialog.getByLabel('Skäl för beslutet').fill('Budgeten räcker inte.')
    await dialog.getByRole('button', { name: 'Granska beslutet' }).click()
    await dialog.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await dialog.waitFor({ state: 'detached' })
    // The democracy finding (even on a dismissed tip) keeps four eyes: the approver signs (here through the API).
    await page.getByText('Beslutet väntar på en andra underskrift av en attestant.').waitFor()
    const approver = await server.login('approver.rk')
    const caseId = decodeURIComponent(page.url().split('/cases/').pop()!.split(/[?#]/)[0]!)
    await approver.json('POST', `/api/cases/${caseId}/conflict`, { conflict: false })
    expect((await approver.json('POST', `/api/cases/${caseId}/approval`, { approve: true })).status).toBe(200)
    await page.reload()
    await page.getByRole('heading', { name: 'Beslutsbrev' }).waitFor()
    expect(await page.getByText('Hänvisar till villkoren:').count()).toBe(0) // the only failed rule rested on a dismissed tip

    // A correction: a new decision that refers to the old one, which stays in the record.
    await page.getByRole('button', { name: 'Rätta eller ompröva beslutet' }).click()
    const revise = page.getByRole('dialog', { name: 'Rätta eller ompröva beslutet' })
    await revise.getByLabel('Rättelse (förvaltningslagen 36 §)').check()
    await revise.getByLabel('Avslå').check()
    await revise.getByLabel('Skäl för beslutet').fill('Budgeten räcker inte. (Rättelse av ett skrivfel.)')
    await revise.getByRole('button', { name: 'Granska beslutet' }).click()
    violations.push(...(await axe(page, 'revision confirmation sv')))
    await revise.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await page.getByRole('heading', { name: 'Tidigare beslut' }).waitFor()
    violations.push(...(await axe(page, 'decision corrected sv')))
    await shot(page, 'decision-corrected')
    await logout(page)
    await context.close()
  }, 180_000)

  it('has 0 axe violations on every page, no CSP violations and no page errors', () => {
    expectCleanRun(violations, [
      'decision overrides missing sv',
      'decision overrides confirmation sv',
      'decision overridden and signed sv',
      'evidence assessed sv',
      'communication sent sv',
      'communication errors sv',
      'decision before deadline sv',
      'revision confirmation sv',
      'decision corrected sv',
    ])
  })
})
