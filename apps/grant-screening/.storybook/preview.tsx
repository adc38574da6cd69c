import type { Preview } from '@storybook/react-vite'
import { storyParameters } from '@vbe/test-browser/storybook-config'
import { storyFrame } from '@vbe/web-kit/story-frame'
import { catalogue } from '../ui/src/i18n'
import '@vbe/web-kit/styles.css'
import '../ui/src/styles.css'

const preview: Preview = {
  // Every story in the staff UI's providers (web-kit's frame), with the app's own texts.
  decorators: [storyFrame(catalogue)],
  // Every story runs through axe (addon-a11y); a violation fails the story's test.
  parameters: { ...storyParameters },
}
export default preview
