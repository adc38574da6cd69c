import { href } from '@vbe/web-kit'

/** The hash route of a case (`#/cases/<id>`); the router itself is the kit's. */
export const caseHref = (id: string): string => href(`/cases/${encodeURIComponent(id)}`)
