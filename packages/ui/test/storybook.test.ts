/**
 * `storybook build` runs as part of the test suite (so CI runs it), and then every story
 * is opened in Debian's Chromium and checked with axe, the engine the a11y addon uses:
 * 0 violations per story (the suite is @vbe/test-browser's, shared with @vbe/web-kit).
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeStorybook } from '@vbe/test-browser/storybook'

describeStorybook({
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  covers: 'stories for every language, right to left, closed hours and missing data',
  stories: [
    'widget-infopanel--swedish',
    'widget-infopanel--english',
    'widget-infopanel--arabic',
    'widget-infopanel--persian',
    'widget-infopanel--somali',
    'widget-infopanel--tigrinya',
    'widget-infopanel--closed-hours-rtl',
    'widget-infopanel--missing-data',
    'widget-infopanel--missing-translation',
    'widget-contactcard--closed-public-holiday',
    'widget-controls--language-picker-persian-rtl',
    'widget-controls--quick-exit-button',
  ],
  rendered: '.vbe-host > *',
  atLeast: 20,
})
