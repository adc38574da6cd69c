import { defineCatalogue, useKitI18n, type I18n } from '@vbe/web-kit'
import { en } from './messages/en'
import { sv, type MessageKey } from './messages/sv'

/** The plan editor's texts (`messages/{sv,en}.ts`) on the kit's i18n, with the kit's own texts merged under them. */
export const catalogue = defineCatalogue(sv, en)

export type { MessageKey }
export type T = I18n<MessageKey>['t']

export const useI18n = (): I18n<MessageKey> => useKitI18n<MessageKey>()
