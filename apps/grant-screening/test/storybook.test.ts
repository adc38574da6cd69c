/**
 * Grant screening's Storybook, as @vbe/ui's and @vbe/web-kit's (the suite is
 * @vbe/test-browser's): `storybook build` runs as part of the test suite, then every
 * story of the decision UI is opened in Debian's Chromium and checked with axe: 0
 * violations per story, in Swedish and English.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeStorybook } from '@vbe/test-browser/storybook'

describeStorybook({
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  covers: 'the decision dialog, kommunicering, evidence assessment, correction and reconsideration, and the letters, in both languages',
  stories: [
    'grant-decision-dialog--no-outcome-preselected',
    'grant-decision-dialog--no-outcome-preselected-english',
    'grant-decision-dialog--ineligible-needs-override-reasons',
    'grant-decision-dialog--ineligible-needs-override-reasons-english',
    'grant-decision-dialog--partial-grant',
    'grant-decision-dialog--partial-grant-english',
    'grant-decision-dialog--partial-grant-confirmation',
    'grant-decision-dialog--reconsideration',
    'grant-decision-dialog--reconsideration-english',
    'grant-kommunicering--awaiting-reply',
    'grant-kommunicering--awaiting-reply-english',
    'grant-evidence--dismissed-item',
    'grant-evidence--dismissed-item-english',
    'grant-decision--decided-partial-grant',
    'grant-decision--awaiting-second-signature',
    'grant-decision--corrected',
    'grant-letters--letter-links-swedish-first',
    'grant-letters--preview-before-signing',
    'grant-letters--preview-before-signing-english',
  ],
  rendered: '.kit-story > *',
  atLeast: 30,
})
