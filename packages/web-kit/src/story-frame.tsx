import type { ComponentType, ReactElement } from 'react'
import { I18nRoot, type Catalogue } from './i18n.js'
import { AnnouncerProvider } from './live.js'
import type { Lang } from './types.js'

/**
 * The frame every staff-UI story renders in (`@vbe/web-kit/story-frame`), for the kit's own
 * Storybook and an app's: the providers the apps render under (i18n with the given catalogue,
 * the live region), in the language the story's `parameters.lang` names (Swedish by default).
 * The story's root element is the frame's child, so a test waits for `.kit-story > *`.
 *
 * ```tsx
 * // .storybook/preview.tsx
 * const preview: Preview = { decorators: [storyFrame(catalogue)], parameters: { ...storyParameters } }
 * ```
 *
 * The decorator is typed without Storybook's types (installed only where there are stories);
 * it has the shape of Storybook's React decorator, which the preview's `Preview` type checks.
 */
export const STORY_FRAME_CLASS = 'kit-story'

export interface StoryFrameContext {
  readonly parameters: Readonly<Record<string, unknown>>
}

const storyLang = (context: StoryFrameContext): Lang => (context.parameters['lang'] === 'en' ? 'en' : 'sv')

/** A decorator that renders each story inside the staff UI's providers, with `catalogue`'s texts. */
export function storyFrame<K extends string>(catalogue: Catalogue<K>) {
  return function StoryFrame(Story: ComponentType, context: StoryFrameContext): ReactElement {
    return (
      <I18nRoot catalogue={catalogue} initial={storyLang(context)}>
        <AnnouncerProvider>
          <div className={STORY_FRAME_CLASS}>
            <Story />
          </div>
        </AnnouncerProvider>
      </I18nRoot>
    )
  }
}
