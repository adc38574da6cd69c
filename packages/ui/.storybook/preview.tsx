import type { Preview } from '@storybook/react-vite'
import { storyParameters } from '@vbe/test-browser/storybook-config'
import { documentCss } from '../src/styles.js'

// The widget's own stylesheet, adopted as a constructable stylesheet, as in the widget.
const sheet = new CSSStyleSheet()
sheet.replaceSync(documentCss())
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]

const preview: Preview = {
  decorators: [
    (Story) => (
      <div className="vbe-host">
        <Story />
      </div>
    ),
  ],
  // Every story runs through axe (addon-a11y); a violation fails the story's test.
  parameters: { ...storyParameters },
}
export default preview
