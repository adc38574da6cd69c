/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './browser-suite.js'
import { login } from './client.js'

/**
 * A plan's life end to end in Debian's Chromium against the real server (PGlite) and the built UI,
 * under the server's strict CSP: an officer creates it from the template and fills it in (coverage,
 * findings, follow-up, versions), submits it; the approver returns it with a comment; the officer
 * revises and resubmits it; the approver adopts it; the admin reads the central overview.
 */
describe('plan editor in Chromium: a plan from creation to adoption', () => {
  // Answers the UI handles: the 401 of GET /api/session before login, the 400 of a return without a comment,
  // the 409 of a second plan for a year.
  const suite = browserSuite({ expectedStatuses: [400, 401, 409] })
  const { problems, newPage, signIn, signOut, setLanguage, saved } = suite
  const axeChecked: string[] = []
  // The page the first walk signs in on and the next ones go on with; the plan's address.
  let page: Page
  let planUrl = ''
  async function checkAxe(on: Page, name: string) {
    await suite.checkAxe(on, name)
    axeChecked.push(name)
  }
  /** Submits the plan open on the page to the committee, confirming in the dialog, and waits until it reads as submitted. */
  async function submit() {
    await page.getByRole('button', { name: 'Lämna in till nämnden' }).click()
    await page
      .getByRole('dialog', { name: 'Lämna in Rinkeby-Kista 2026 till nämnden?' })
      .getByRole('button', { name: 'Ja, lämna in planen' })
      .click()
    await page.locator('.badge', { hasText: 'Inlämnad' }).first().waitFor()
  }
  /** Signs `username` in on the page and opens the plan there. */
  async function openPlanAs(username: string) {
    await signIn(page, username)
    await page.goto(planUrl)
  }

  it('create from the template → add an activity with an effect indicator → coverage updates', async () => {
    page = await newPage()
    await page.goto(suite.server.url)
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor()
    await checkAxe(page, 'login')
    await signIn(page, 'officer.rk')
    await checkAxe(page, 'plan list')
    await page.screenshot({ path: '/tmp/pe-list.png', fullPage: true })
    // The list names the templates (not their ids) and shows Stockholm time as 2026-11-23 01:39.
    const seeded = page.getByRole('row', { name: /^Rinkeby-Kista 2017/ })
    expect(await seeded.textContent()).toContain('Kommunstyrelsens direktiv, juni 2017 (tolv punkter):')
    expect(await seeded.textContent()).not.toContain('directive-2017')
    expect(await seeded.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} av /)

    // A year before the first plans: the server's field error, told in the summary by the field's label
    // (not the schema's "year") under a plain first line, and at the field starting with a capital.
    await page.getByLabel('År', { exact: true }).fill('2010')
    await page.getByRole('button', { name: 'Skapa plan' }).click()
    const yearErrors = page.getByRole('form', { name: 'Ny plan' }).getByRole('alert')
    await yearErrors.getByText('Rätta det som är markerat nedan.').waitFor()
    expect(await yearErrors.getByRole('listitem').allTextContents()).toEqual(['År: måste vara 2016 eller senare'])
    expect(await yearErrors.textContent()).not.toMatch(/year|Uppgifterna i begäran/)
    expect(await page.locator('#create-year-error').textContent()).toBe('Måste vara 2016 eller senare')
    await page.screenshot({ path: '/tmp/pe-create-year-sv.png', fullPage: false })

    // A plan for a year that has one already: said by the plan's name, at the year, with the way to it
    // (the server's words were "Det finns redan en plan för rinkeby-kista 2017 (fältet year).").
    await page.getByLabel('År', { exact: true }).fill('2017')
    await page.getByRole('button', { name: 'Skapa plan' }).click()
    const createForm = page.getByRole('form', { name: 'Ny plan' })
    await createForm.getByRole('alert').filter({ hasText: 'Det finns redan en plan för Rinkeby-Kista 2017.' }).waitFor()
    expect(await page.locator('#create-year-error').textContent()).toContain('Det finns redan en plan för det här året.')
    expect(await createForm.textContent()).not.toMatch(/rinkeby-kista|fältet year/)
    await checkAxe(page, 'plan list (plan exists)')
    expect(await createForm.getByRole('link', { name: 'Öppna Rinkeby-Kista 2017' }).getAttribute('href')).toMatch(
      /^#\/plan\/[0-9a-f-]{36}$/,
    )
    await page.getByLabel('År', { exact: true }).fill('2026')
    await page.getByRole('button', { name: 'Skapa plan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista 2026' }).waitFor()
    const directive = page.getByTestId('cov-directive-2017')
    await expect.poll(() => directive.textContent()).toBe('0/12 (0 %)')
    // What a screen reader hears after an edit names the templates by title, never by id.
    const announced = await page.getByTestId('panel').locator('[aria-live]').textContent()
    expect(announced).toContain('Kommunstyrelsens direktiv, juni 2017 (tolv punkter) 0 %')
    expect(announced).not.toMatch(/directive-2017|strategy-2016|plugin:/)
    await checkAxe(page, 'editor (new plan)')

    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    const act = page.locator('[data-activity=a1]')
    await act.getByLabel('Rubrik', { exact: true }).fill('Utbildning i orosanmälan för skolpersonal')
    // An invalid field is listed in the panel in the UI's language (the server's words for it), named by
    // the form's own labels, never by its path in the plan (`activities[0].title`), and linked to its input.
    await act.getByLabel('Rubrik', { exact: true }).fill('')
    const invalid = page.getByRole('region', { name: 'Fält att rätta innan planen kan sparas' })
    const titleIssue = invalid.getByRole('listitem').filter({ hasText: 'Aktivitet 1: Rubrik: får inte vara tomt' })
    await titleIssue.waitFor()
    expect(await invalid.textContent()).not.toContain('activities')
    await page.screenshot({ path: '/tmp/pe-invalid-sv.png', fullPage: false })
    await page.getByRole('button', { name: 'Lägg till aktivitet' }).focus()
    await titleIssue.getByRole('link', { name: 'Aktivitet 1: Rubrik' }).click()
    expect(await act.getByLabel('Rubrik', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true)
    expect(page.url()).toMatch(/#\/plan\/[0-9a-f-]{36}$/) // the link takes focus to the field; the page stays
    await act.getByLabel('Rubrik', { exact: true }).fill('Utbildning i orosanmälan för skolpersonal')
    await invalid.filter({ hasText: 'Aktivitet 1: Rubrik' }).waitFor({ state: 'detached' })
    // The structure starts unchosen (nobody chose the district's administration for the planner): the plan
    // saves as a draft, the field says in words what to choose, and the analysis counts it as an error.
    const structure = act.getByRole('group', { name: 'Struktur' })
    const notChosen = `Aktiviteten ”Utbildning i orosanmälan för skolpersonal” anger inte om den bedrivs i en befintlig struktur eller behöver en ny. Välj en av dem och beskriv den.`
    expect(await structure.getByRole('radio', { checked: true }).count()).toBe(0)
    expect(await structure.locator('.field__error').textContent()).toBe(notChosen)
    expect(await structure.getByRole('radio', { name: 'Ny struktur' }).getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('[data-code=structure-not-chosen]').textContent()).toContain(notChosen)
    await saved(page)
    await checkAxe(page, 'activity with its structure not chosen')
    await page.screenshot({ path: '/tmp/pe-structure-unchosen-sv.png', fullPage: false })
    await structure.getByRole('radio', { name: 'Inom befintlig struktur' }).check()
    await act.getByLabel('Befintlig struktur', { exact: true }).fill('Samverkan skola–socialtjänst')
    await page.locator('[data-code=structure-not-chosen]').waitFor({ state: 'detached' })
    expect(await structure.locator('.field__error').count()).toBe(0)
    await act.locator('summary', { hasText: 'Riktlinjer' }).click()
    await act.getByRole('checkbox', { name: 'Kunskap om våldsbejakande extremism ska öka i hela staden' }).check()
    await act.getByRole('checkbox', { name: 'Utbildning, kompetensutveckling och kunskapsstöd' }).check()
    // Level and target group read in Swedish; the value stays the code.
    const level = act.getByLabel('Nivå', { exact: true })
    expect(await level.inputValue()).toBe('district')
    expect(await level.locator('option:checked').textContent()).toBe('Stadsdelsnämnd')
    await act.getByLabel('Målgrupp', { exact: true }).selectOption({ label: 'Personal' })
    expect(await act.getByLabel('Målgrupp', { exact: true }).inputValue()).toBe('staff')
    await expect.poll(() => directive.textContent()).toBe('1/12 (8 %)')
    // The guideline on knowledge has an activity but no effect indicator yet: flagged in the panel.
    await page.locator('[data-code=guideline-without-effect-indicator]').waitFor()
    await act.getByRole('button', { name: 'Lägg till indikator' }).click()
    const ind = act.locator('[data-indicator=i1]')
    await ind.getByLabel('Namn', { exact: true }).fill('Andel personal som känner till rutinen')
    await expect(await ind.getByLabel('Typ', { exact: true }).inputValue()).toBe('effect')
    await page.locator('[data-code=effect-indicator-incomplete]').waitFor()
    await ind.getByLabel('Utgångsvärde: värde', { exact: true }).fill('30')
    await ind.getByLabel('Utgångsvärde: datum', { exact: true }).fill('2026-01-15')
    await ind.getByLabel('Målvärde: värde', { exact: true }).fill('75')
    await ind.getByLabel('Målvärde: datum', { exact: true }).fill('2026-12-31')
    await ind.getByLabel('Datakälla', { exact: true }).fill('Enkät till personalen')
    await ind.getByLabel('Ägare', { exact: true }).fill('Preventionssamordnaren')
    await page.locator('[data-code=guideline-without-effect-indicator]').waitFor({ state: 'detached' })
    await page.locator('[data-code=effect-indicator-incomplete]').waitFor({ state: 'detached' })
    await saved(page)
    // Every edit was measured from the input to the updated panel.
    const measures = await page.evaluate(() => performance.getEntriesByName('pe:edit→panel').map((m) => m.duration))
    expect(measures.length).toBeGreaterThan(5)
    await checkAxe(page, 'editor (with activity)')
    await page.screenshot({ path: '/tmp/pe-editor.png', fullPage: false })
  })

  it('a reload loses nothing → follow-up values → versions and changes', async () => {
    // A reload loses nothing.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista 2026' }).waitFor()
    await expect(await page.locator('[data-activity=a1]').getByLabel('Rubrik', { exact: true }).inputValue()).toBe(
      'Utbildning i orosanmälan för skolpersonal',
    )
    await expect.poll(() => page.getByTestId('cov-directive-2017').textContent()).toBe('1/12 (8 %)')

    await page.getByRole('tab', { name: 'Uppföljning' }).click()
    await page.locator('svg.chart').first().waitFor()
    await page.getByLabel('Värde T1', { exact: true }).fill('42')
    await page.getByLabel('Datum T1', { exact: true }).fill('2026-04-30')
    await page.getByRole('button', { name: 'Spara T1' }).click()
    await page.locator('svg.chart circle').first().waitFor()
    expect(await page.locator('svg.chart desc').first().textContent()).toContain('T1 42')
    await checkAxe(page, 'follow-up tab')
    await page.screenshot({ path: '/tmp/pe-followup.png', fullPage: true })
    // A value entered by mistake is removed with its own button; the chart and the field follow.
    await page.getByLabel('Värde T2', { exact: true }).fill('500')
    await page.getByLabel('Datum T2', { exact: true }).fill('2026-08-31')
    await page.getByRole('button', { name: 'Spara T2' }).click()
    await expect.poll(() => page.locator('svg.chart desc').first().textContent()).toContain('T2 500')
    await page.getByRole('button', { name: 'Ta bort T2' }).click()
    await expect.poll(() => page.locator('svg.chart desc').first().textContent()).toContain('T1 42, T2 —')
    expect(await page.getByLabel('Värde T2', { exact: true }).inputValue()).toBe('')
    expect(await page.getByRole('button', { name: 'Ta bort T1' }).isVisible()).toBe(true)
    await page.getByRole('tab', { name: 'Versioner och export' }).click()
    await page.getByRole('button', { name: 'Visa ändringar' }).click()
    await page.locator('table.diff').waitFor()
    await checkAxe(page, 'versions tab')
    await page.getByRole('tab', { name: 'Planens innehåll' }).click()
  })

  // The plan the first walk made, on the same page, signed in as the officer; each walk goes on from the last.
  it('submit → the approver returns it with a comment (the server’s field errors first, in Swedish and English)', async () => {
    // With errors the plan is not offered to the committee: the page names them, in words, and takes focus there.
    await page.getByRole('button', { name: 'Lämna in till nämnden' }).click()
    const blocked = page.getByRole('alert', { name: 'Planen kan inte lämnas in ännu' })
    await blocked.waitFor()
    expect(await blocked.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await blocked.textContent()).toContain('Lägesbilden har ingen text.')
    await checkAxe(page, 'submit refused (errors listed)')
    // Filled as the rules need: the situation picture (its hint is no text) and a local section.
    expect(await page.locator('#sp-summary').inputValue()).toBe('')
    await page.locator('#sp-summary').fill('Polisens lägesbild visar oro kring rekrytering via sociala medier.')
    await page.locator('#sec-rinkeby-kista-effect-indicators').fill('Effekten följs upp med enkäter till personalen.')
    await saved(page)
    await blocked.waitFor({ state: 'detached' })
    // The confirmation lists the warnings left, in words.
    await page.getByRole('button', { name: 'Lämna in till nämnden' }).click()
    const confirm = page.getByRole('dialog', { name: 'Lämna in Rinkeby-Kista 2026 till nämnden?' })
    expect(await confirm.getByTestId('confirm-warnings').textContent()).toContain(
      'Lägesbilden saknar den lokala problembilden från samverkansavtalet med polisen, som direktivet och riktlinjen om samarbete med polisen förutsätter.',
    )
    await checkAxe(page, 'submit dialog (warnings listed)')
    await page.screenshot({ path: '/tmp/pe-submit-warnings.png', fullPage: false })
    await confirm.getByRole('button', { name: 'Ja, lämna in planen' }).click()
    await page.locator('.badge', { hasText: 'Inlämnad' }).first().waitFor()
    // Focus goes to the words that say what happened, not to <body>.
    const done = page.getByTestId('workflow-done')
    await expect.poll(() => done.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await done.textContent()).toMatch(/^Planen är inlämnad till nämnden som version \d+\./)
    await page.screenshot({ path: '/tmp/pe-submitted.png', fullPage: false })
    // The page says why the plan cannot be edited now, and what comes next (not "status or role").
    expect(await page.getByTestId('read-only').textContent()).toBe(
      'Planen är inlämnad till nämnden och kan inte ändras medan den väntar på beslut: nämnden antar den eller återremitterar den.',
    )
    planUrl = page.url()
    await signOut(page)

    await openPlanAs('approver.rk')
    await page.getByRole('button', { name: 'Återremittera' }).click()
    await page.getByRole('button', { name: 'Återremittera planen' }).click()
    // The server's field errors, in Swedish, then the same ones in English: in the error summary
    // (focused, a plain first line, each told by the field's label and linked to it) and at each
    // field (aria-invalid, aria-describedby), starting with a capital, the example in ”…”.
    const returnError = page.getByRole('alert').filter({ hasText: 'Rätta det som är markerat nedan.' })
    await returnError.waitFor()
    expect(await returnError.getByRole('listitem').allTextContents()).toEqual([
      'Nämndens beslut (paragraf): måste fyllas i när planen återremitteras: nämndens beslut, till exempel ”SDN 2017-09-21 §10”',
      'Kommentar: måste fyllas i när planen återremitteras: vad stadsdelen ska ändra',
    ])
    // No schema path, no straight quotes, not the request's technical words.
    expect(await returnError.textContent()).not.toMatch(/decisionReference|comment|"|Uppgifterna i begäran/)
    expect(await returnError.evaluate((el) => el === document.activeElement)).toBe(true)
    const commentField = page.getByLabel('Kommentar', { exact: true })
    expect(await commentField.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator(`#${await commentField.getAttribute('aria-describedby')}`).textContent()).toBe(
      'Måste fyllas i när planen återremitteras: vad stadsdelen ska ändra',
    )
    await returnError.getByRole('link', { name: /^Kommentar: .*vad stadsdelen ska ändra/ }).click()
    expect(await commentField.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.screenshot({ path: '/tmp/pe-return-errors-sv.png', fullPage: false })
    await setLanguage(page, 'en')
    await page.getByRole('button', { name: 'Return the plan' }).click()
    const returnErrorEn = page.getByRole('alert').filter({ hasText: 'Correct what is marked below.' })
    await returnErrorEn.waitFor()
    expect(await returnErrorEn.getByRole('listitem').allTextContents()).toEqual([
      'Committee decision (minute): is required when a plan is returned (återremiss): the committee decision, for example “SDN 2017-09-21 §10”',
      'Comment: is required when a plan is returned: what the district must change',
    ])
    await page.screenshot({ path: '/tmp/pe-return-errors-en.png', fullPage: false })
    await setLanguage(page, 'sv')
    await page.getByLabel('Nämndens beslut (paragraf)', { exact: true }).fill('SDN 2026-09-21 §10')
    await page.getByLabel('Kommentar', { exact: true }).fill('Planen saknar direktivpunkterna D1, D2 och D4–D12.')
    await checkAxe(page, 'editor (approver, return form)')
    await page.getByRole('button', { name: 'Återremittera planen' }).click()
    await page.locator('.badge', { hasText: 'Återremitterad' }).first().waitFor()
    await signOut(page)
  })

  it('the officer revises and resubmits it → the approver adopts it; the central overview', async () => {
    await openPlanAs('officer.rk')
    expect(await page.getByTestId('return-note').textContent()).toContain(
      'SDN 2026-09-21 §10: Planen saknar direktivpunkterna D1, D2 och D4–D12.',
    )
    expect(await page.getByTestId('read-only').textContent()).toBe(
      'Planen är återremitterad. Välj ”Påbörja revidering” nedan för att ändra den.',
    )
    await page.getByRole('button', { name: 'Påbörja revidering' }).click()
    await page.locator('.badge', { hasText: 'Under revidering' }).first().waitFor()
    const act2 = page.locator('[data-activity=a1]')
    await act2.locator('summary', { hasText: 'Riktlinjer' }).click()
    await act2.getByRole('checkbox', { name: 'Kompetens från FHS och dialog med polisen' }).check()
    await act2.getByRole('checkbox', { name: 'Stadsövergripande förhållningssätt och lägesbild' }).check()
    await expect.poll(() => page.getByTestId('cov-directive-2017').textContent()).toBe('3/12 (25 %)')
    await saved(page)
    await submit()
    await signOut(page)

    await openPlanAs('approver.rk')
    // Adopting cannot be undone: it asks first, focus on Cancel; Escape leaves the plan submitted.
    await page.getByRole('button', { name: 'Anta planen' }).click()
    const confirmAdopt = page.getByRole('dialog', { name: 'Anta Rinkeby-Kista 2026?' })
    await confirmAdopt.waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt')
    await checkAxe(page, 'editor (approver, adopt dialog)')
    await page.keyboard.press('Escape')
    await confirmAdopt.waitFor({ state: 'hidden' })
    expect(await page.locator('.badge', { hasText: 'Inlämnad' }).count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Anta planen' }).click()
    await confirmAdopt.getByLabel(/^Nämndens beslut \(paragraf\)/).fill('SDN 2026-10-19 §4')
    await confirmAdopt.getByRole('button', { name: 'Ja, anta planen' }).click()
    await page.locator('.badge', { hasText: 'Antagen' }).first().waitFor()
    await confirmAdopt.waitFor({ state: 'detached' })
    expect(await page.getByTestId('read-only').textContent()).toContain('Planen är antagen och kan inte ändras.')
    // The history names what happened in the past tense, not with the buttons' verbs.
    const history = (await page.locator('.history').textContent()) ?? ''
    expect(history).toContain('Inlämnad till nämnden av Amina Yusuf')
    expect(history).toContain('Återremitterad av Sara Nilsson')
    expect(history).not.toMatch(/Lämna in till nämnden|Återremittera av/)
    await page.screenshot({ path: '/tmp/pe-adopted.png', fullPage: false })
    await signOut(page)

    const api = await login(suite.server.url, 'auditor')
    const id = planUrl.split('/plan/')[1]!
    const plan = (await api.get(`/api/plans/${id}`)).body
    expect(plan.status).toBe('adopted')
    expect(plan.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['create', 'save', 'submit', 'return', 'revise', 'adopt']),
    )
    // The committee's decision given in the adopt dialog is recorded with the adoption.
    expect(plan.history.find((h: { action: string }) => h.action === 'adopt')).toMatchObject({ decisionReference: 'SDN 2026-10-19 §4' })
    expect(plan.document.activities[0].indicators[0]).toMatchObject({
      kind: 'effect',
      baseline: { value: 30, date: '2026-01-15' },
      target: { value: 75, date: '2026-12-31' },
    })

    // The central overview, in English, for the admin.
    await signIn(page, 'admin')
    await setLanguage(page, 'en')
    await page.getByRole('link', { name: 'Central overview' }).click()
    await page.getByRole('heading', { level: 1, name: 'Central overview' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.locator('table.heat td.gap').first().waitFor()
    await checkAxe(page, 'overview')
    await page.screenshot({ path: '/tmp/pe-overview.png', fullPage: true })
    await setLanguage(page, 'sv')
    expect(problems).toEqual([])
  })

  it('checked every page with axe', () => {
    expect(axeChecked).toEqual(
      expect.arrayContaining([
        'login',
        'plan list',
        'editor (new plan)',
        'editor (with activity)',
        'follow-up tab',
        'versions tab',
        'editor (approver, return form)',
        'overview',
      ]),
    )
  })
})
