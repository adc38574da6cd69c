/**
 * The release check on contact data: `npm run release-check -w @vbe/info-widget`.
 *
 *   VBE_RELEASE=1 tsx scripts/check-freshness.ts [--today YYYY-MM-DD]
 *
 * Fails (exit 1) when any contact the widget would publish was last verified more than
 * twelve months before today (or --today), or when a contact text lacks one of the six
 * languages. Without VBE_RELEASE it only warns. It also lists every translation still in
 * draft (written or machine-assisted by the team, not yet reviewed by a native speaker).
 */
import { isIsoDate, stockholmDay } from '@vbe/core/calendar'
import { allPublishedContacts, districtContent, districtPlugins, translationGaps } from '../src/content.js'
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
const gaps = translationGaps(districtPlugins.map((p) => districtContent(p)))
const missing = gaps.filter((g) => g.problem === 'missing')
const drafts = gaps.filter((g) => g.problem === 'draft')
for (const g of missing) (release ? console.error : console.warn)(`${release ? 'error' : 'warning'}: ${g.where} has no ${g.lang} text.`)
if (drafts.length) {
  console.log(`Translations still in draft (to be reviewed by a native speaker), ${drafts.length}:`)
  for (const g of drafts) console.log(`  draft: ${g.where}, ${g.lang}`)
}
if (!result.ok || (release && missing.length > 0)) {
  console.error(
    `Release check failed: ${result.stale.length} of ${contacts.length} contacts are stale, ${missing.length} translations missing.`,
  )
  process.exit(1)
}
console.log(
  `Contact data checked as of ${today}: ${contacts.length} contacts, ${result.stale.length} older than 12 months${release ? '' : ' (development: warnings only)'}.`,
)
