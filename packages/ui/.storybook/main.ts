import type { StorybookConfig } from '@storybook/react-vite'
import { storybookConfig } from '@vbe/test-browser/storybook-config'

// The shared configuration (@vbe/test-browser): the a11y addon, React + Vite, our packages from src/.
const config: StorybookConfig = storybookConfig({ stories: ['../src/**/*.stories.tsx'] })
export default config
