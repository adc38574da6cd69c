/**
 * The kit's Storybook, as @vbe/ui's (the suite is @vbe/test-browser's): `storybook build`
 * runs as part of the test suite, then every story is opened in Debian's Chromium and
 * checked with axe, the engine the a11y addon uses: 0 violations per story.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeStorybook } from '@vbe/test-browser/storybook'

describeStorybook({
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  covers: 'a story for every kit component, in both languages and with errors',
  stories: [
    'kit-layout--signed-in',
    'kit-layout--signed-out-english',
    'kit-pages--login',
    'kit-pages--login-english-session-expired',
    'kit-pages--accessibility-statement-swedish',
    'kit-pages--accessibility-statement-english',
    'kit-pages--page-problem',
    'kit-pages--notices',
    'kit-forms--empty',
    'kit-forms--with-field-errors',
    'kit-forms--with-field-errors-english',
    'kit-dates--date-fields',
    'kit-dates--date-fields-english',
    'kit-dates--date-that-does-not-exist',
    'kit-dates--date-that-does-not-exist-english',
    'kit-data--table',
    'kit-data--table-sorted',
    'kit-data--table-empty',
    'kit-data--table-narrow',
    'kit-data--table-cards-narrow',
    'kit-data--plain-scroll-region',
    'kit-data--badges',
    'kit-pages--my-sign-ins',
    'kit-pages--my-sign-ins-city-account',
    'kit-pages--my-sign-ins-phone-english',
    'kit-users--users-city-wide',
    'kit-users--users-district-english',
    'kit-users--users-phone',
    'kit-users--users-none',
    'kit-users--confirm-disable',
    'kit-users--change-password',
    'kit-users--change-password-english',
    'kit-audit--audit-swedish',
    'kit-audit--audit-english-broken-chain',
    'kit-audit--audit-filtered-by-reference',
    'kit-audit--audit-one-entity-empty',
  ],
  rendered: '.kit-story > *',
  atLeast: 36,
})
