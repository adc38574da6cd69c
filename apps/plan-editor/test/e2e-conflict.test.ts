/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './browser-suite.js'
import { login } from './client.js'

/**
 * Two people edit the same plan at once, in Debian's Chromium against the real server (PGlite) and the
 * built UI: autosave's If-Match finds the conflict, both changes are shown, merging keeps both, and a
 * reload before autosave restores the draft from the browser.
 */
describe('plan editor in Chromium: editing the same plan at once', () => {
  // Answers the UI handles: the 401 of GET /api/session before login, the 409s of the conflicting saves.
  const suite = browserSuite({ expectedStatuses: [401, 409] })
  const { problems, newPage, signIn, saved } = suite
  const axeChecked: string[] = []
  async function checkAxe(on: Page, name: string) {
    await suite.checkAxe(on, name)
    axeChecked.push(name)
  }

  it('two browser contexts edit the same plan: the conflict is detected and nothing is lost', async () => {
    const api = await login(suite.server.url, 'officer.rk')
    const created = await api.send('POST', '/api/plans', { from: 'template', year: 2027 })
    expect(created.status).toBe(201)
    const url = `${suite.server.url}/#/plan/${created.body.id}`
    const a = await newPage()
    const b = await newPage()
    await signIn(a, 'officer.rk')
    await signIn(b, 'officer2.rk')
    await a.goto(url)
    await b.goto(url)
    await a.getByLabel('Sammanfattning', { exact: true }).first().waitFor()
    await b.getByLabel('Sammanfattning', { exact: true }).first().waitFor()

    await a.getByLabel('Sammanfattning', { exact: true }).first().fill('Ny lägesbild från Amina')
    await saved(a)
    await b.getByLabel('Funktion', { exact: true }).fill('Preventionssamordnare (Erik)')
    const conflict = b.getByTestId('conflict')
    await conflict.waitFor({ timeout: 15_000 })
    expect(await b.getByTestId('save-status').getAttribute('data-state')).toBe('conflict')
    // Who saved is shown by display name; the username never reaches the page.
    expect(await conflict.textContent()).toContain('Amina Yusuf')
    expect(await conflict.textContent()).not.toContain('officer.rk')
    expect(await conflict.textContent()).toContain('Ny lägesbild från Amina')
    expect(await conflict.textContent()).toContain('Preventionssamordnare (Erik)')
    // the fields in the form's words, not core's change paths
    expect(await conflict.textContent()).toContain('Kontaktpunkt: Funktion')
    expect(await conflict.textContent()).not.toMatch(/contactPoint|situationPicture|activities\[/)
    await checkAxe(b, 'editor (conflict)')
    await b.screenshot({ path: '/tmp/pe-conflict.png', fullPage: false })
    // Nothing was overwritten on the server.
    expect((await api.get(`/api/plans/${created.body.id}`)).body.document.contactPoint.function).not.toBe('Preventionssamordnare (Erik)')

    await b.getByRole('button', { name: 'Slå ihop båda ändringarna' }).click()
    await conflict.waitFor({ state: 'detached' })
    await saved(b)
    const plan = (await api.get(`/api/plans/${created.body.id}`)).body
    expect(plan.document.situationPicture.summary).toBe('Ny lägesbild från Amina')
    expect(plan.document.contactPoint.function).toBe('Preventionssamordnare (Erik)')
    expect(plan.history.map((h: { by: string }) => h.by)).toEqual(['Amina Yusuf', 'Amina Yusuf', 'Erik Lind'])

    // A, still on the old version, edits again: also a conflict, and merging keeps all three changes.
    await a.getByLabel('Enhet', { exact: true }).fill('Avdelningen för förebyggande arbete')
    await a.getByTestId('conflict').waitFor({ timeout: 15_000 })
    await a.getByRole('button', { name: 'Slå ihop båda ändringarna' }).click()
    await saved(a)
    const final = (await api.get(`/api/plans/${created.body.id}`)).body
    expect(final.document.situationPicture.summary).toBe('Ny lägesbild från Amina')
    expect(final.document.contactPoint).toMatchObject({
      function: 'Preventionssamordnare (Erik)',
      unit: 'Avdelningen för förebyggande arbete',
    })

    // A reload right after typing (before autosave) loses nothing: the draft is restored and saved.
    await b.reload()
    await b.getByLabel('E-post', { exact: true }).fill('prevention@example.org')
    await b.reload()
    await b.getByText('Återställde osparade ändringar från den här webbläsaren').waitFor()
    expect(await b.getByLabel('E-post', { exact: true }).inputValue()).toBe('prevention@example.org')
    await saved(b)
    expect((await api.get(`/api/plans/${created.body.id}`)).body.document.contactPoint.email).toBe('prevention@example.org')
    expect(problems).toEqual([])
  })

  it('checked every page with axe', () => {
    expect(axeChecked).toEqual(expect.arrayContaining(['editor (conflict)']))
  })
})
