/**
 * The one Storybook configuration every package with stories uses (`@vbe/ui`, `@vbe/web-kit`, `@vbe/grant-screening`),
 * so that all of them build the same way and every story runs through axe
 * (`describeStorybook` in `./storybook.ts` then checks the built stories in Chromium).
 *
 * A package's `.storybook/main.ts` names only its own stories:
 *
 * ```ts
 * import type { StorybookConfig } from '@storybook/react-vite'
 * import { storybookConfig } from '@vbe/test-browser/storybook-config'
 *
 * const config: StorybookConfig = storybookConfig({ stories: ['../src/**\/*.stories.tsx'] })
 * export default config
 * ```
 *
 * (write `\/` in these globs as `/`: a comment cannot hold star-slash). Its `.storybook/preview.tsx`
 * adds its own decorators (stylesheet, i18n) to the shared parameters: `parameters: { ...storyParameters }`.
 * The staff UIs (`@vbe/web-kit` and the apps) share one decorator, `storyFrame(catalogue)` from
 * `@vbe/web-kit/story-frame` (it needs the kit's providers, so it lives in the kit, not here).
 *
 * A third package (an app's UI, say `apps/grant-screening`) does the same: devDependencies on
 * `@vbe/test-browser`, `storybook`, `@storybook/react-vite`, `@storybook/addon-a11y`, `axe-core` and
 * `playwright-core` (the versions the kits use); a `.storybook/main.ts` as above with its story globs
 * (relative to `.storybook/`, for an app `'../ui/src/**\/*.stories.tsx'`); a `.storybook/preview.tsx`
 * with `storyParameters` (and `storyFrame` with the app's catalogue); `.storybook` in the tsconfig that type-checks it; and a
 * `test/storybook.test.ts` that calls `describeStorybook({ root, ... })`.
 *
 * This file imports nothing (not even Storybook's types, which are installed in each package
 * that has stories, not here), so the Node side (main.ts) and the browser side (preview.tsx)
 * can both import it. Each main.ts declares the result a `StorybookConfig`, which checks its shape.
 */

/** What a package's Storybook differs in: where its stories are, relative to its `.storybook/` folder. */
export interface StorybookOptions {
  readonly stories: readonly string[]
}

/**
 * Resolve our own packages to their `src/` (the `@vbe/source` export condition), as the
 * apps' Vite builds and the tests do, so stories need no build of the packages they use.
 */
export const SOURCE_CONDITIONS: readonly string[] = ['@vbe/source', 'module', 'browser', 'development|production']

/** The shared `.storybook/main.ts` configuration, with this package's stories. */
export function storybookConfig(options: StorybookOptions) {
  return {
    stories: [...options.stories],
    addons: ['@storybook/addon-a11y'],
    framework: { name: '@storybook/react-vite' as const, options: {} },
    core: { disableTelemetry: true, disableWhatsNewNotifications: true },
    typescript: { reactDocgen: false as const },
    viteFinal: <V extends { readonly resolve?: object | undefined }>(vite: V) => ({
      ...vite,
      resolve: { ...vite.resolve, conditions: [...SOURCE_CONDITIONS] },
    }),
  }
}

/**
 * The parameters every story has (spread them into `.storybook/preview.tsx`'s `parameters`):
 * every story runs through axe (addon-a11y), and a violation fails the story's test.
 */
export const storyParameters = {
  a11y: { test: 'error' as const },
  layout: 'padded' as const,
}
