/**
 * The kit's tables as cards on a phone, in Chromium: the users page (with one user's
 * sign-ins open), "My sign-ins", and a table of long values (a long name, a URL, dates, a
 * long summary), rendered by React's server renderer into a page with the kit's stylesheet
 * (kit-page.tsx), at 320, 375 and 1280 CSS px, in Swedish and English. On a phone each row
 * is a labelled card whose values all start at the same x (beside a label column as wide as
 * the card's widest label, or, in a narrow card, under their labels), dates stay on one
 * line, and nothing scrolls sideways (WCAG 1.4.10), not even inside a table's region; the
 * table stays a table for assistive technology (Chromium's accessibility tree) and axe
 * finds nothing. Screenshots go to /tmp/tables-shots.
 */
import { mkdirSync } from 'node:fs'
import { axeCheck } from '@vbe/test-browser/axe'
import { launchChromium } from '@vbe/test-browser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppLayout } from '../src/layout.js'
import { SessionsPage } from '../src/sessions-page.js'
import { cityAdmin, districtName, exampleAccounts, mySessions, sessionsByUser } from '../src/stories/users-fixture.js'
import { Table } from '../src/table.js'
import type { Lang } from '../src/types.js'
import { UsersPage } from '../src/users-page.js'
import { kitPage } from './kit-page.js'

const SHOTS = '/tmp/tables-shots'
type Which = 'users' | 'sessions' | 'long' | 'in-card'

interface Grant {
  readonly name: string
  readonly site: string
  readonly due: string
  readonly updated: string
  readonly amount: number
  readonly summary: string
}
const grants: readonly Grant[] = [
  {
    name: 'Föreningen för ungdomars fritid och idrott i Rinkeby-Kista',
    site: 'https://www.example.org/foreningar/rinkeby-kista/ungdomsforeningen/verksamhetsberattelse-2026.pdf',
    due: '2027-03-31',
    updated: '2026-11-22T10:00:00Z',
    amount: 1250000,
    summary: 'Verksamheten 2026-01-01–2026-12-31 redovisades i tid; styrelsen valdes om 2026-03-14.',
  },
  {
    name: 'Husby Schackklubb',
    site: 'https://husbyschack.example.se',
    due: '2027-12-01',
    updated: '2026-05-04T08:55:00Z',
    amount: 25000,
    summary: '–',
  },
]
const grantTable = (lang: Lang) => {
  const sv = lang === 'sv'
  return (
    <>
      <h1 id="grants-title">{sv ? 'Bidrag' : 'Grants'}</h1>
      <Table
        caption={sv ? 'Bidrag (2)' : 'Grants (2)'}
        cards
        rows={grants}
        rowKey={(g) => g.name}
        columns={[
          { id: 'name', header: sv ? 'Förening' : 'Association', rowHeader: true, cell: (g) => g.name },
          { id: 'site', header: sv ? 'Webbplats' : 'Website', cell: (g) => <a href={g.site}>{g.site}</a> },
          { id: 'due', header: sv ? 'Redovisning senast' : 'Report due', cell: (g) => g.due },
          { id: 'updated', header: sv ? 'Ändrad' : 'Updated', cell: (g) => `${g.updated.slice(0, 10)} ${g.updated.slice(11, 16)}` },
          { id: 'amount', header: sv ? 'Belopp' : 'Amount', numeric: true, cell: (g) => `${g.amount.toLocaleString('sv-SE')} kr` },
          { id: 'summary', header: sv ? 'Sammanfattning' : 'Summary', cell: (g) => g.summary },
        ]}
      />
    </>
  )
}

const page = (lang: Lang, which: Which) =>
  kitPage(
    lang,
    which,
    <AppLayout user={{ displayName: cityAdmin.displayName, roles: cityAdmin.roles, district: null }} onSignOut={() => {}}>
      {which === 'users' ? (
        <UsersPage admin={cityAdmin} district={districtName} initial={exampleAccounts} sessions={sessionsByUser} />
      ) : which === 'sessions' ? (
        <SessionsPage initial={mySessions} policy={{ allowed: true, minLength: 12, maxLength: 128 }} />
      ) : which === 'long' ? (
        grantTable(lang)
      ) : (
        // As the apps show a card table: in a section card, inside the page's padding.
        <section className="card" aria-labelledby="grants-title">
          {grantTable(lang)}
        </section>
      )}
    </AppLayout>,
  )

/** How far the page, and each table's region, scroll sideways; and the buttons in a table that end past the right edge. */
const sideways = (p: Page) =>
  p.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    regions: Array.from(document.querySelectorAll('.table-wrap')).map((r) => r.scrollWidth - r.clientWidth),
    buttonsOut: Array.from(document.querySelectorAll('table button'))
      .filter((b) => b.getBoundingClientRect().right > document.documentElement.clientWidth)
      .map((b) => b.textContent),
  }))

/**
 * Each card's layout: where its values start (x, rounded), whether every label sits beside
 * its value or above it, and the dates in its cells that do not lie on one line.
 */
const cards = (p: Page) =>
  p.evaluate(() =>
    Array.from(document.querySelectorAll('table.table--cards > tbody > tr:not(.table__details)'))
      .filter((tr) => tr.querySelector(':scope > td > .table__label'))
      .map((tr) => {
        const cells = Array.from(tr.querySelectorAll(':scope > td')).flatMap((td) => {
          const label = td.querySelector(':scope > .table__label')?.getBoundingClientRect()
          const value = td.querySelector(':scope > .table__value')?.getBoundingClientRect()
          return label && value ? [{ label, value }] : []
        })
        const dates = Array.from(tr.querySelectorAll(':scope > td .nowrap'))
        return {
          card: tr.querySelector(':scope > th')?.textContent ?? '',
          /** The width of the card's region, in CSS px (what the container query reads). */
          region: Math.round(tr.closest('.table-wrap')?.clientWidth ?? 0),
          /** A table in another table's row (a user's sign-ins): narrower, it may stack sooner. */
          nested: tr.closest('table')?.parentElement?.closest('table') !== null,
          valueXs: [...new Set(cells.map((c) => Math.round(c.value.left)))],
          beside: cells.every((c) => c.value.left >= c.label.right && Math.abs(c.value.top - c.label.top) < 8),
          above: cells.every((c) => c.value.top >= c.label.bottom - 1 && Math.round(c.value.left) === Math.round(c.label.left)),
          dates: dates.length,
          brokenDates: dates
            .filter((d) => new Set(Array.from(d.getClientRects()).map((r) => Math.round(r.top))).size > 1)
            .map((d) => d.textContent),
        }
      }),
  )

/** The roles Chromium's accessibility tree gives the tables and what they hold, once there is a table named `name`. */
async function tableRoles(p: Page, name: string): Promise<string[]> {
  const cdp = await p.context().newCDPSession(p)
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ role?: { value: string }; name?: { value: string }; ignored: boolean }>
  }
  await cdp.detach()
  const roles = nodes.filter((n) => !n.ignored).map((n) => n.role?.value ?? '')
  const table = nodes.find((n) => n.role?.value === 'table' && n.name?.value === name)
  return table ? roles.filter((r) => ['table', 'row', 'columnheader', 'rowheader', 'cell'].includes(r)) : []
}

describe('tables as cards on a phone, and as tables on a desktop', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium('the table layout test')
    mkdirSync(SHOTS, { recursive: true })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  for (const lang of ['sv', 'en'] as const) {
    for (const width of [375, 320] as const) {
      it(`at ${width} px (${lang}): each row a card with its values aligned, dates whole, nothing scrolls sideways, no axe violations`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 800 } })
        const p = await context.newPage()
        try {
          for (const which of ['users', 'sessions', 'long', 'in-card'] as const) {
            await p.setContent(page(lang, which))
            await p.screenshot({ path: `${SHOTS}/${which}-${lang}-${width}.png`, fullPage: true })
            const s = await sideways(p)
            expect(s.page, `${which}: the page scrolls sideways`).toBe(0)
            expect(
              s.regions.every((px) => px <= 0),
              `${which}: a table's region scrolls sideways (${s.regions.join(', ')} px)`,
            ).toBe(true)
            expect(s.buttonsOut, `${which}: buttons past the right edge`).toEqual([])
            const found = await cards(p)
            expect(found.length, which).toBeGreaterThanOrEqual(2)
            for (const c of found) {
              expect(c.valueXs, `${which}, ${c.card}: its values start at different x`).toHaveLength(1)
              expect(c.beside || c.above, `${which}, ${c.card}: labels neither beside nor above their values`).toBe(true)
              expect(c.brokenDates, `${which}, ${c.card}: dates over two lines`).toEqual([])
            }
            expect(
              found.reduce((n, c) => n + c.dates, 0),
              `${which}: the dates in the cards are kept whole`,
            ).toBeGreaterThan(0)
            // On a 375 px phone, even in an app's section card (a 307 px region), labels sit beside their values;
            // on a 320 px screen (or a 640 px window at 200 % zoom) they sit above (tables.css, 18.5rem).
            const layout = width === 375 ? 'beside' : 'above'
            for (const c of found.filter((f) => !f.nested))
              expect(c[layout], `${which}, ${c.card}: labels not ${layout} their values (region ${c.region} px)`).toBe(true)
            expect((await axeCheck(p)).violations, `${which} axe`).toEqual([])
          }
        } finally {
          await context.close()
        }
      }, 90_000)
    }

    const caption = lang === 'sv' ? 'Användare och deras inloggningar' : 'Users and their sign-ins'
    it(`users at 375 px (${lang}): still a table for assistive technology, the visible labels not read twice`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
      const p = await context.newPage()
      try {
        await p.setContent(page(lang, 'users'))
        // A card: the column's header is shown beside each value; the header row is hidden from view only.
        const amina = p.locator('tr[data-user-row="Amina Handläggare"]')
        const label = amina.locator('.table__label').first()
        expect(await label.isVisible()).toBe(true)
        expect(await label.textContent()).toBe(lang === 'sv' ? 'Roller' : 'Roles')
        expect(await p.locator('thead').first().boundingBox()).toMatchObject({ width: 1, height: 1 })
        // Assistive technology still has a table: rows, its column headers (8 of the users', 5 of the sign-ins'), row headers, cells.
        const roles = await tableRoles(p, caption)
        expect(roles.filter((r) => r === 'table')).toHaveLength(2)
        expect(roles.filter((r) => r === 'columnheader')).toHaveLength(13)
        expect(roles.filter((r) => r === 'rowheader')).toHaveLength(exampleAccounts.length)
        expect(roles.filter((r) => r === 'cell').length).toBeGreaterThan(20)
        // The visible labels are not read out a second time: the cell's name is its value.
        const cell = p.getByRole('row', { name: /Bertil Attestant/ }).getByRole('cell', { name: lang === 'sv' ? 'Avstängt' : 'Disabled' })
        expect(await cell.count()).toBe(1)
      } finally {
        await context.close()
      }
    }, 60_000)

    it(`at 1280 px (${lang}): a table with its header row, no labels in the cells, no axe violations`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      const p = await context.newPage()
      try {
        for (const which of ['users', 'sessions', 'long', 'in-card'] as const) {
          await p.setContent(page(lang, which))
          await p.screenshot({ path: `${SHOTS}/${which}-${lang}-1280.png`, fullPage: true })
          expect((await sideways(p)).page).toBe(0)
          expect((await axeCheck(p)).violations, `${which} axe`).toEqual([])
          expect(await p.locator('thead').first().isVisible()).toBe(true)
          expect(await p.locator('.table__label').first().isVisible()).toBe(false)
          expect(
            await p
              .locator('tbody td')
              .first()
              .evaluate((td) => getComputedStyle(td).display),
          ).toBe('table-cell')
        }
      } finally {
        await context.close()
      }
    }, 60_000)
  }
})
