import type { StorybookConfig } from '@storybook/react-vite'
import { storybookConfig } from '@vbe/test-browser/storybook-config'

// The shared configuration (@vbe/test-browser); the app's UI, and so its stories, live in ui/.
const config: StorybookConfig = storybookConfig({ stories: ['../ui/src/**/*.stories.tsx'] })
export default config
