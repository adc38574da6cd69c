import type { Preview } from '@storybook/react-vite'
import { storyParameters } from '@vbe/test-browser/storybook-config'
import { storyFrame } from '../src/story-frame.js'
import { storyCatalogue } from '../src/stories/fixtures.js'
import '../src/styles.css'

const preview: Preview = {
  // Every story in the staff UI's providers, in the language its `parameters.lang` names (Swedish by default).
  decorators: [storyFrame(storyCatalogue)],
  // Every story runs through axe (addon-a11y); a violation fails the story's test.
  parameters: { ...storyParameters },
}
export default preview
