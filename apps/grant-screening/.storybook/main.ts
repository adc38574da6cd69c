import type { StorybookConfig } from '@storybook/react-vite'

// The same config as @vbe/ui's and @vbe/web-kit's; only the stories' folder differs (the app's UI lives in ui/).
const config: StorybookConfig = {
  stories: ['../ui/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: false },
  viteFinal: (vite) => ({
    ...vite,
    resolve: { ...vite.resolve, conditions: ['@vbe/source', 'module', 'browser', 'development|production'] },
  }),
}
export default config
