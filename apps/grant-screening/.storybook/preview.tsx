import type { Preview } from '@storybook/react-vite'
import { storyParameters } from '@vbe/test-browser/storybook-config'
import { AnnouncerProvider, I18nRoot } from '@vbe/web-kit'
import type { Lang } from '@vbe/web-kit/types'
import { catalogue } from '../ui/src/i18n'
import '@vbe/web-kit/styles.css'
import '../ui/src/styles.css'

const preview: Preview = {
  decorators: [
    // Every story in the language its `parameters.lang` names (Swedish by default), with the app's own texts.
    (Story, context) => (
      <I18nRoot catalogue={catalogue} initial={(context.parameters['lang'] as Lang | undefined) ?? 'sv'}>
        <AnnouncerProvider>
          <div className="gs-story">
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
