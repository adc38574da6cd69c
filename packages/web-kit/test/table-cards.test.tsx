/**
 * The kit's tables with buttons on a phone, in Chromium: the users page (with one user's
 * sign-ins open) and "My sign-ins", rendered by React's server renderer into a page with
 * the kit's stylesheet, at 375 and 1280 CSS px, in Swedish and English. On a phone each
 * row is a labelled card and nothing scrolls sideways, not even inside the table's region;
 * the table stays a table for assistive technology (Chromium's accessibility tree) and axe
 * finds nothing. Screenshots go to /tmp/tables-shots.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { axeCheck } from '@vbe/test-browser/axe'
import { launchChromium } from '@vbe/test-browser'
import type { Browser, Page } from 'playwright-core'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineCatalogue, I18nRoot } from '../src/i18n.js'
import { AppLayout } from '../src/layout.js'
import { AnnouncerProvider } from '../src/live.js'
import { SessionsPage, type SessionInfo } from '../src/sessions-page.js'
import type { Lang } from '../src/types.js'
import { UsersPage, type Account } from '../src/users-page.js'

const SHOTS = '/tmp/tables-shots'
const styles = join(dirname(fileURLToPath(import.meta.url)), '../src')
// The kit's stylesheet with its @imports inlined, as the apps' bundler does.
const css = readFileSync(join(styles, 'styles.css'), 'utf8').replace(/@import '\.\/(styles\/[a-z]+\.css)';/g, (_, file: string) =>
  readFileSync(join(styles, file), 'utf8'),
)
const catalogue = defineCatalogue({ appName: 'Bidragsprövning' }, { appName: 'Grant screening' })

const sessions: SessionInfo[] = [
  {
    id: 's1',
    createdAt: '2026-05-04T06:00:00Z',
    lastSeenAt: '2026-05-04T08:55:00Z',
    expiresAt: '2026-05-04T14:00:00Z',
    address: '10.20.30.40',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    current: true,
  },
  {
    id: 's2',
    createdAt: '2026-05-03T12:10:00Z',
    lastSeenAt: '2026-05-04T07:40:00Z',
    expiresAt: '2026-05-04T20:10:00Z',
    address: null,
    userAgent: null,
    current: false,
  },
]
const account = (id: string, displayName: string, more: Partial<Account>): Account => ({
  id,
  displayName,
  roles: ['officer'],
  district: 'rinkeby-kista',
  disabled: false,
  signIn: 'password',
  liveSessions: 2,
  lastSeenAt: '2026-05-04T08:55:00Z',
  self: false,
  ...more,
})
const users: Account[] = [
  account('u1', 'Amina Handläggare', {}),
  account('u2', 'Bertil Attestant', { roles: ['officer', 'approver'], disabled: true, signIn: 'oidc', liveSessions: 0, lastSeenAt: null }),
  account('u3', 'Sara Administratör', { roles: ['admin'], district: null, liveSessions: 1, self: true }),
]
const admin = { id: 'u3', username: 'admin', displayName: 'Sara Administratör', roles: ['admin'] as const, district: null }

const page = (lang: Lang, which: 'users' | 'sessions') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${which}</title><style>${css}</style></head><body>${renderToStaticMarkup(
    <I18nRoot catalogue={catalogue} initial={lang}>
      <AnnouncerProvider>
        <AppLayout user={{ displayName: admin.displayName, roles: admin.roles, district: null }} onSignOut={() => {}}>
          {which === 'users' ? (
            <UsersPage admin={admin} district={() => 'Rinkeby-Kista'} initial={users} sessions={{ u1: sessions }} />
          ) : (
            <SessionsPage initial={sessions} policy={{ allowed: true, minLength: 12, maxLength: 128 }} />
          )}
        </AppLayout>
      </AnnouncerProvider>
    </I18nRoot>,
  )}</body></html>`

/** How far the page, and each table's region, scroll sideways; and the buttons in a table that end past the right edge. */
const sideways = (p: Page) =>
  p.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    regions: Array.from(document.querySelectorAll('.table-wrap')).map((r) => r.scrollWidth - r.clientWidth),
    buttonsOut: Array.from(document.querySelectorAll('table button'))
      .filter((b) => b.getBoundingClientRect().right > document.documentElement.clientWidth)
      .map((b) => b.textContent),
  }))

/** The roles Chromium's accessibility tree gives the users table and what it holds. */
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

describe('tables with buttons on a phone and on a desktop', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium('the table layout test')
    mkdirSync(SHOTS, { recursive: true })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  for (const lang of ['sv', 'en'] as const) {
    const caption = lang === 'sv' ? 'Användare och deras inloggningar' : 'Users and their sign-ins'
    it(`users and sign-ins at 375 px (${lang}): each row a labelled card, nothing scrolls sideways, still a table, no axe violations`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
      const p = await context.newPage()
      try {
        for (const which of ['users', 'sessions'] as const) {
          await p.setContent(page(lang, which))
          await p.screenshot({ path: `${SHOTS}/${which}-${lang}-375.png`, fullPage: true })
          const s = await sideways(p)
          expect(s.page, `${which}: the page scrolls sideways`).toBe(0)
          expect(
            s.regions.every((px) => px <= 0),
            `${which}: a table's region scrolls sideways (${s.regions.join(', ')} px)`,
          ).toBe(true)
          expect(s.buttonsOut, `${which}: buttons past the right edge`).toEqual([])
          const violations = await axeCheck(p)
          expect(violations.violations, `${which} axe`).toEqual([])
        }
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
        expect(roles.filter((r) => r === 'rowheader')).toHaveLength(3)
        expect(roles.filter((r) => r === 'cell').length).toBeGreaterThan(20)
        // The visible labels are not read out a second time: the cell's name is its value.
        const cell = p.getByRole('row', { name: /Bertil Attestant/ }).getByRole('cell', { name: lang === 'sv' ? 'Avstängt' : 'Disabled' })
        expect(await cell.count()).toBe(1)
      } finally {
        await context.close()
      }
    }, 60_000)

    it(`users and sign-ins at 1280 px (${lang}): a table with its header row, no labels in the cells, no axe violations`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      const p = await context.newPage()
      try {
        for (const which of ['users', 'sessions'] as const) {
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
