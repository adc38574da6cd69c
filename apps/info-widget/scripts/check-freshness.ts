/**
 * The release check on contact data: `npm run release-check -w @vbe/info-widget`.
 *
 *   VBE_RELEASE=1 tsx scripts/check-freshness.ts [--today YYYY-MM-DD]
 *
 * Fails (exit 1) when any contact the widget would publish was last verified more than
 * twelve months before today (or --today). Without VBE_RELEASE it only warns.
 */
import { isIsoDate, stockholmDay } from '@vbe/core/calendar'
import { allPublishedContacts } from '../src/content.js'
import { checkFreshness, isRelease } from '../src/freshness.js'

const i = process.argv.indexOf('--today')
const today = i >= 0 ? (process.argv[i + 1] ?? '') : stockholmDay(new Date())
if (!isIsoDate(today)) {
  console.error('--today must be a real date written YYYY-MM-DD')
  process.exit(2)
}
const release = isRelease()
const contacts = allPublishedContacts()
const result = checkFreshness(contacts, { today, release })
for (const line of result.messages) (release ? console.error : console.warn)(line)
if (!result.ok) {
  console.error(`Release check failed: ${result.stale.length} of ${contacts.length} contacts are stale.`)
  process.exit(1)
}
console.log(
  `Contact data checked as of ${today}: ${contacts.length} contacts, ${result.stale.length} older than 12 months${release ? '' : ' (development: warnings only)'}.`,
)
