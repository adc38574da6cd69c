import type { Preview } from '@storybook/react-vite'
import { storyParameters } from '@vbe/test-browser/storybook-config'
import { AnnouncerProvider } from '../src/live.js'
import { I18nRoot } from '../src/i18n.js'
import { storyCatalogue } from '../src/stories/fixtures.js'
import type { Lang } from '../src/types.js'
import '../src/styles.css'

const preview: Preview = {
  decorators: [
    // Every story in the language its `parameters.lang` names (Swedish by default), as the apps render it.
    (Story, context) => (
      <I18nRoot catalogue={storyCatalogue} initial={(context.parameters['lang'] as Lang | undefined) ?? 'sv'}>
        <AnnouncerProvider>
          <div className="kit-story">
            <Story />
          </div>
        </AnnouncerProvider>
      </I18nRoot>
    ),
  ],
  // Every story runs through axe (addon-a11y); a violation fails the story's test.
  parameters: { ...storyParameters },
}
export default preview
