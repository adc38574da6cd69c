import { existsSync } from 'node:fs'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'

/** Debian's Chromium (`apt-get install -y chromium`), or CHROMIUM_PATH. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/**
 * Flags for headless Chromium on a closed network: without the background-networking
 * ones it keeps trying to reach Google's hosts.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Throws, saying what to install, when Chromium is missing. `purpose` names who needs it. */
export function assertChromium(purpose = 'the browser tests'): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}; ${purpose} need it. Install Debian's Chromium: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    )
  }
}

/**
 * Launches Chromium headless with a fresh temporary profile. When it is missing, this
 * throws with what to install, so browser tests fail rather than skip. `purpose` names
 * who needs it in that message.
 */
export async function launchChromium(purpose = 'the browser tests'): Promise<Browser> {
  assertChromium(purpose)
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] })
}

/** The texts a field's aria-describedby points at, in order (its hint, format, error), as a screen reader hears them. */
export async function describedBy(page: Page, input: Locator): Promise<string[]> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean)
  return Promise.all(ids.map(async (id) => ((await page.locator(`[id="${id}"]`).textContent()) ?? '').trim()))
}

/** Types `text` key by key into an emptied field and leaves it with Tab, as a person would. */
export async function typeAndLeave(input: Locator, text: string): Promise<void> {
  await input.fill('')
  await input.pressSequentially(text)
  await input.press('Tab')
}
