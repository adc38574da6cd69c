/**
 * One case as the officer takes it, in Debian's Chromium against a real server (PGlite,
 * demo data): signs in (the skip link, a wrong password and the rate limit in both
 * languages), filters the queue, imports a CSV, declares no conflict, adds evidence and a
 * note, and decides (a grant against the democracy condition, with its reason, so four eyes). Every page (and
 * the open decision dialog) is checked with axe for WCAG 2.1 A/AA, in Swedish and English,
 * under the server's real CSP. The approver's part is e2e-case-approver.test.ts.
 * Screenshots go to /tmp/gs-*.png.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  ASSOCIATION,
  CSV,
  axe,
  declareNoConflict,
  expectCleanRun,
  expectNoPathBut,
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

describe('grant-screening UI: the officer takes one case from import to a decision', () => {
  const violations: string[] = []
  let caseId = ''

  it('officer: logs in, imports a CSV, declares no conflict, and decides (four eyes)', async () => {
    const { context, page } = await newPage()
    await page.goto(server.url)
    await h1(page, 'Logga in').waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('sv')
    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' })
    expect(
      await skip.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).toBe(true)
    await shot(page, 'skip-link', false)
    await page.keyboard.press('Enter')
    expect(
      await page
        .locator('main')
        .evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).toBe(true)
    violations.push(...(await axe(page, 'login sv')))
    await shot(page, 'login')

    // A wrong password is announced in Swedish.
    await page.getByLabel('Användarnamn').fill('officer.rk')
    await page.getByLabel('Lösenord').fill('wrong-password')
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord.' }).waitFor()
    await page.getByRole('heading', { name: 'Inloggningen misslyckades' }).waitFor()

    // In English too; then the rate limit, with the wait from Retry-After, in both languages.
    await setLanguage(page, 'English')
    await page.getByLabel('Username').fill('officer.nm')
    await page.getByLabel('Password').fill('wrong-password')
    const attempt = async () => {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST')
      await page.getByRole('button', { name: 'Log in' }).click()
      return (await answered).status()
    }
    expect(await attempt()).toBe(401)
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor()
    await page.getByRole('heading', { name: 'Could not log in' }).waitFor()
    for (let i = 0; i < 4; i++) expect(await attempt()).toBe(401)
    expect(await attempt()).toBe(429)
    // Progressive delays (issue 16): the first wait is 30 s, less a second if the clock ticked.
    await page
      .getByRole('alert')
      .filter({ hasText: /Too many failed attempts\. Try again in (30|29) seconds\./ })
      .waitFor()
    await setLanguage(page, 'Svenska')
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page
      .getByRole('alert')
      .filter({ hasText: /För många misslyckade försök\. Försök igen om (30|29|28) sekunder\./ })
      .waitFor()
    violations.push(...(await axe(page, 'login rate-limited sv')))
    await shot(page, 'login-rate-limited', false)

    await login(page, 'officer.rk')
    await page.getByRole('table').waitFor()
    expect(await page.getByRole('link', { name: 'Husby Schackklubb' }).count()).toBe(1)
    violations.push(...(await axe(page, 'queue sv')))
    await shot(page, 'queue-sv')

    // The filters narrow the queue and are kept in the address.
    await page.getByLabel('Prövningsresultat').selectOption('ineligible')
    await page.getByRole('button', { name: 'Visa', exact: true }).click()
    await page.getByRole('table', { name: /Ärenden \(1\)/ }).waitFor()
    expect(page.url()).toContain('outcome=ineligible')
    await page.getByRole('link', { name: 'Rensa filter' }).click()
    await page.getByRole('table', { name: /Ärenden \(3\)/ }).waitFor()

    await setLanguage(page, 'English')
    await h1(page, 'Cases').waitFor()
    expect(page.url()).toContain('lang=en')
    violations.push(...(await axe(page, 'queue en')))
    await shot(page, 'queue-en')
    await setLanguage(page, 'Svenska')

    // Registering a new application has its own walk: e2e-new-application.test.ts.

    // Import: one good row and one with a bad organisation number.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Importera' }).click()
    await h1(page, 'Importera ansökningar').waitFor()
    violations.push(...(await axe(page, 'import sv')))
    // The page says which columns a file has: a template with the header row, and each column in words.
    const downloaded = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Ladda ner mallen (CSV-fil med rubrikraden)' }).click()
    const template = await downloaded
    expect(template.suggestedFilename()).toBe('importmall.csv')
    const templateHeader = (await readFile((await template.path())!, 'utf8')).trim().split(',')
    expect(templateHeader).toEqual(expect.arrayContaining(CSV.split('\n')[0]!.split(',')))
    await page.getByText('Visa vad varje kolumn ska innehålla (26 kolumner)').click()
    const guide = page.getByRole('table', { name: 'Kolumnerna i en importfil' })
    expect(
      await guide.getByRole('row').filter({ hasText: 'Organisationsnummer' }).getByText('association.organisationNumber').count(),
    ).toBe(1)
    expect(await guide.getByRole('row').count()).toBe(1 + templateHeader.length)
    violations.push(...(await axe(page, 'import column guide sv')))
    await shot(page, 'import-guide')
    await page.getByLabel(/Eller klistra in CSV/).fill(CSV)
    await page.getByRole('button', { name: 'Importera', exact: true }).click()
    await page.getByRole('table', { name: 'Importerade rader' }).waitFor()
    const errors = page.getByRole('table', { name: 'Rader med fel' })
    await errors.waitFor()
    // The field in the form's words, and under it, labelled, the column of the officer's own file.
    const errorRow = errors.getByRole('row').filter({ hasText: 'Organisationsnummer' })
    expect(await errorRow.count()).toBe(1)
    expect(await errorRow.getByRole('rowheader').textContent()).toBe('3')
    expect(await errorRow.getByRole('cell').first().innerText()).toBe('Organisationsnummer\nKolumn i filen: association.organisationNumber')
    expect(await errorRow.textContent()).toContain('kontrollsiffran stämmer inte (den sista siffran ska vara 5)')
    await expectNoPathBut(errors, 'Kolumn i filen:')
    violations.push(...(await axe(page, 'import result sv')))
    await shot(page, 'import')
    await errors.screenshot({ path: '/tmp/gs-import-errors-1280.png' })
    await page.setViewportSize({ width: 375, height: 800 })
    await errors.screenshot({ path: '/tmp/gs-import-errors-375.png' })
    await shot(page, 'import-375')
    violations.push(...(await axe(page, 'import result sv 375px')))
    await page.setViewportSize({ width: 1280, height: 900 })

    // Open the imported case: the conflict-of-interest declaration comes first.
    const link = page.getByRole('table', { name: 'Importerade rader' }).getByRole('link')
    // The link names the imported row, never the case's id.
    expect(await link.textContent()).toMatch(/^Öppna ärendet från rad \d+$/)
    caseId = (await link.getAttribute('data-case-id')) ?? ''
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/)
    await link.click()
    await h1(page, 'Jävsförklaring').waitFor()
    // There is no default answer: submitting without one is an error at the question.
    await page.getByRole('button', { name: 'Lämna jävsförklaring' }).click()
    await page.getByRole('alert').filter({ hasText: 'Välj om du är jävig eller inte.' }).waitFor()
    violations.push(...(await axe(page, 'conflict declaration sv')))
    await shot(page, 'conflict')
    await declareNoConflict(page)

    // The case page: summary, every finding with status, reason, sources and evidence ids.
    const findings = page.getByRole('table', { name: 'Varje villkor med status, skäl och källor' })
    await findings.waitFor()
    const democracy = findings.getByRole('row').filter({ hasText: 'Behöver bedömas' })
    expect(await democracy.count()).toBe(1)
    // The evidence it rests on, by its number in the evidence table (never an id).
    expect(await democracy.getByRole('cell', { name: '1', exact: true }).count()).toBe(1)
    expect(await page.getByText('Rinkeby-Kista stadsdelsnämnd, protokoll 2017-09-21').count()).toBeGreaterThan(0)
    expect(await page.getByRole('table', { name: 'Personer i ärendet' }).getByRole('rowheader', { name: 'Karin Kontakt' }).count()).toBe(1)
    // District ids read as names: on the case and in the header.
    await expect.poll(() => page.locator('dl.dl dt:text-is("Stadsdel") + dd').textContent()).toBe('Rinkeby-Kista')
    expect(await page.locator('.user-box').textContent()).toContain('· Rinkeby-Kista')
    violations.push(...(await axe(page, 'case sv')))
    await shot(page, 'case-sv')
    await setLanguage(page, 'English')
    await h1(page, `Case: ${ASSOCIATION}`).waitFor()
    expect(
      await page
        .getByRole('table', { name: 'Every condition with its status, reason and sources' })
        .getByRole('row')
        .filter({ hasText: 'Needs assessment' })
        .count(),
    ).toBe(1)
    violations.push(...(await axe(page, 'case en')))
    await shot(page, 'case-en')
    await setLanguage(page, 'Svenska')

    // Evidence: nothing chosen, each required field is asked for in words, at the field and linked from
    // the summary, never with the codes the API accepts (it said "måste vara något av värdena violence, threat, …").
    const evidenceForm = page.getByRole('form', { name: 'Lägg till underlag' })
    await evidenceForm.getByRole('button', { name: 'Lägg till och pröva om' }).click()
    const evidenceErrors = evidenceForm.getByRole('alert')
    // The kit's plain first line, then each field's message: these name their field already
    // ("Ange datum för händelsen." under "Datum för händelsen"), so no label goes in front again.
    await evidenceErrors.filter({ hasText: 'Rätta det som är markerat nedan.' }).waitFor()
    for (const message of [
      'Ange datum för händelsen.',
      'Välj vilket agerande underlaget gäller.',
      'Välj vilken typ av källa underlaget bygger på.',
    ])
      expect(await evidenceErrors.getByRole('link', { name: message, exact: true }).count()).toBe(1)
    expect(await evidenceForm.textContent()).not.toMatch(/violence|court-judgment|du angav/)
    expect(await page.locator('#evidence-conduct-error').textContent()).toContain('Välj vilket agerande underlaget gäller.')
    await evidenceErrors.getByRole('link', { name: 'Välj vilken typ av källa underlaget bygger på.' }).click()
    expect(await page.locator(':focus').getAttribute('id')).toBe(await evidenceForm.getByLabel('Typ av källa').getAttribute('id'))
    // Then the date alone is missing: it is named at its field; then a valid item re-screens the case.
    await evidenceForm.getByLabel('Agerande').selectOption('violence')
    await evidenceForm.getByLabel('Typ av källa').selectOption('media')
    await evidenceForm.getByRole('button', { name: 'Lägg till och pröva om' }).click()
    await page.locator('#evidence-date[aria-invalid="true"]').waitFor()
    expect(await page.locator('#evidence-date-error').textContent()).toBeTruthy()
    await shot(page, 'evidence-error')
    await evidenceForm.getByLabel('Datum för händelsen').fill('2026-04-02')
    await evidenceForm.getByLabel('Skedde inom föreningens verksamhet').uncheck()
    await evidenceForm.getByLabel('Källhänvisning').fill('Lokaltidning 2026-04-03')
    await evidenceForm.getByRole('button', { name: 'Lägg till och pröva om' }).click()
    // The new item's id is generated; it is item 2, not counted (outside the activities), and not yet assessed.
    const evidenceTable = page.getByRole('table', { name: 'Registrerat underlag' })
    await evidenceTable.getByRole('rowheader', { name: '2', exact: true }).waitFor()
    expect(await evidenceTable.getByRole('row').filter({ hasText: 'Inte bedömd' }).count()).toBe(2)
    expect(
      await findings.getByRole('row').filter({ hasText: 'Ej tillämpligt' }).getByRole('cell', { name: '2', exact: true }).count(),
    ).toBe(1)

    // A note, with the API's error for an empty one shown at the field first.
    await page.getByRole('button', { name: 'Spara anteckning' }).click()
    await page.locator('#note-text[aria-invalid="true"]').waitFor()
    await page.getByLabel('Ny anteckning').fill('Ringt föreningen om tipset.')
    await page.getByRole('button', { name: 'Spara anteckning' }).click()
    await page.getByText('Ringt föreningen om tipset.', { exact: true }).waitFor()

    // The decision dialog: modal, focus inside, field errors from the API, then approve.
    const opener = page.getByRole('button', { name: 'Fatta beslut' })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: 'Fatta beslut' })
    await dialog.waitFor()
    expect(await dialog.evaluate((el) => (el as unknown as { matches(s: string): boolean }).matches(':modal'))).toBe(true)
    expect(
      await page.evaluate(
        () =>
          (
            globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
          ).document.activeElement?.closest('dialog') != null,
      ),
    ).toBe(true)
    violations.push(...(await axe(page, 'decision dialog sv')))
    // No outcome is pre-selected.
    expect(await dialog.getByRole('radio', { checked: true }).count()).toBe(1) // only the letter's language
    // The tip is not assessed: a denial or lower amount cannot be chosen, and the dialog says what to assess first.
    expect(await dialog.getByRole('radio', { name: /^Bevilja delvis/ }).isDisabled()).toBe(true)
    expect(await dialog.getByRole('radio', { name: /^Avslå/ }).isDisabled()).toBe(true)
    expect(await dialog.locator('[data-assess-first]').textContent()).toBe(
      'Avslå och Bevilja delvis går inte att välja förrän underlaget till Demokrativillkoret är bedömt. Bedöm först varje uppgift under Underlag som relevant eller avfärdad.',
    )
    await dialog.getByLabel('Bevilja', { exact: true }).check()
    await dialog.getByLabel('Skäl för beslutet').fill('Beviljat.')
    await dialog.getByRole('button', { name: 'Granska beslutet' }).click()
    await dialog.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await dialog.locator('[aria-invalid="true"][id$="democracy-condition"]').waitFor()
    expect(await dialog.getByRole('alert').textContent()).toContain('behöver ett skäl')
    expect(await dialog.evaluate((el) => (el as unknown as { matches(s: string): boolean }).matches(':modal'))).toBe(true)
    await shot(page, 'decision-dialog', false)
    // Escape closes the dialog and focus returns to the button that opened it.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(
      await opener.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).toBe(true)

    // The same field error in English.
    await setLanguage(page, 'English')
    await page.getByRole('button', { name: 'Make a decision' }).click()
    const dialogEn = page.getByRole('dialog', { name: 'Make a decision' })
    expect(await dialogEn.locator('[data-assess-first]').textContent()).toContain(
      'cannot be chosen until the evidence behind The democracy condition',
    )
    await dialogEn.getByLabel('Approve', { exact: true }).check()
    await dialogEn.getByLabel('Reasons for the decision').fill('Granted.')
    await dialogEn.getByRole('button', { name: 'Review the decision' }).click()
    await dialogEn.getByRole('button', { name: 'Confirm the decision' }).click()
    await dialogEn.locator('[aria-invalid="true"][id$="democracy-condition"]').waitFor()
    expect(await dialogEn.getByRole('alert').textContent()).toContain('needs a reason')
    violations.push(...(await axe(page, 'decision dialog errors en')))
    await shot(page, 'decision-dialog-en', false)
    await page.keyboard.press('Escape')
    await dialogEn.waitFor({ state: 'detached' })
    await setLanguage(page, 'Svenska')

    // Keyboard only: Enter opens it, and Tab stays inside the modal dialog.
    await opener.focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(
        await page.evaluate(
          () =>
            (
              globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
            ).document.activeElement?.closest('dialog') != null,
        ),
      ).toBe(true)
    }
    await dialog.getByLabel('Bevilja', { exact: true }).check()
    // Granting against the unassessed tip: a reason for overriding the democracy condition.
    await dialog.getByLabel('Skäl: Demokrativillkoret').fill('Tipset är anonymt och har inte kunnat styrkas.')
    await dialog.getByLabel('Skäl för beslutet').fill('Tipset är inte styrkt; föreningen uppfyller villkoren.')
    await dialog.getByLabel('Svenska').check()
    await dialog.getByRole('button', { name: 'Granska beslutet' }).click()
    // The confirmation says what is decided, for how much, against which findings, and that a second signature follows.
    await dialog.getByText('Du beslutar: Bevilja.').waitFor()
    expect(await dialog.textContent()).toContain('Villkor som behöver bedömas: Demokrativillkoret.')
    expect(await dialog.textContent()).not.toContain('Villkor som inte är uppfyllda')
    expect(await dialog.textContent()).toMatch(/Belopp: 60\s000\s?kr av sökta 60\s000\s?kr/)
    violations.push(...(await axe(page, 'decision confirmation sv')))
    await dialog.getByRole('button', { name: 'Bekräfta beslutet' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Beslutet väntar på en andra underskrift av en attestant.').waitFor()
    await shot(page, 'case-awaiting')

    // The import report in English: the row already imported is a conflict, the bad row names its field.
    await setLanguage(page, 'English')
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Import' }).click()
    await h1(page, 'Import applications').waitFor()
    await page.getByLabel(/Or paste CSV/).fill(CSV)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const errorsEn = page.getByRole('table', { name: 'Rows with errors' })
    await errorsEn.waitFor()
    const errorRowEn = errorsEn.getByRole('row').filter({ hasText: 'Organisation number' })
    expect(await errorRowEn.getByRole('cell').first().innerText()).toBe(
      'Organisation number\nColumn in the file: association.organisationNumber',
    )
    expect(await errorRowEn.textContent()).toContain('the check digit is wrong (the last digit should be 5)')
    // The duplicate row is told by its application number, from the file's id column.
    expect(await errorsEn.getByRole('row').filter({ hasText: 'Application number' }).getByText('id', { exact: true }).count()).toBe(1)
    await expectNoPathBut(errorsEn, 'Column in the file:')
    expect(
      await errorsEn
        .getByRole('row')
        .filter({ hasText: /Application e2e-001 to Association grant, Rinkeby-Kista is already a case, registered on \d{4}-\d{2}-\d{2}/ })
        .count(),
    ).toBe(1)
    violations.push(...(await axe(page, 'import result en')))
    await shot(page, 'import-en')
    // A refused header names the file's own column in words, never our "header: …" path.
    await page.getByLabel(/Or paste CSV/).fill('id,colour\nx,y')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page
      .getByRole('alert')
      .filter({
        hasText:
          'The column “colour” in the header row: unknown column; the columns that can be read are listed under “Columns in the file”',
      })
      .waitFor()
    expect(await page.getByText(/header:/).count()).toBe(0)
    violations.push(...(await axe(page, 'import refused header en')))
    // A new attempt replaces the last report: an empty one shows its own error, not the last import's rows under it.
    await page.getByLabel(/Or paste CSV/).fill('')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByText('Choose a file or paste CSV first.').waitFor()
    // The summary's heading says the import failed (the kit's default reads "Could not save").
    expect(await page.getByRole('heading', { name: 'Could not import' }).count()).toBe(1)
    expect(await page.getByText('Could not save').count()).toBe(0)
    expect(await errorsEn.count()).toBe(0)
    expect(await h1(page, 'Import applications').count()).toBe(1)
    await setLanguage(page, 'Svenska')
    await logout(page)
    await context.close()
  }, 180_000)

  it('has 0 axe violations on every page, no CSP violations and no page errors', () => {
    expectCleanRun(violations, [
      'login sv',
      'login rate-limited sv',
      'queue sv',
      'queue en',
      'import sv',
      'import column guide sv',
      'import result sv',
      'import result sv 375px',
      'import result en',
      'import refused header en',
      'case sv',
      'case en',
      'decision dialog sv',
      'decision dialog errors en',
      'decision confirmation sv',
    ])
  })
})
