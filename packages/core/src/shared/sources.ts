import { z } from 'zod'
import { documentDateSchema } from './dates.js'
import { localizedTextSchema } from './text.js'
import { coded, given } from './errors.js'

/**
 * The source documents the strategy content is taken from. Each `file` is the name
 * of a seed file (OCR text of a public document of the City of Stockholm).
 */
export const SOURCE_DOCUMENTS = {
  'norrmalm-remissvar-strategi-vbe-2015.txt': {
    date: '2015',
    title: {
      sv: 'Norrmalms stadsdelsförvaltning: remissvar på Strategi mot våldsbejakande extremism',
      en: 'Norrmalm district administration: consultation response on the Strategy against violent extremism',
    },
    publisher: 'Norrmalms stadsdelsnämnd, Stockholms stad',
  },
  'rinkeby-kista-protokoll-2017-09-21-par10.txt': {
    date: '2017-09-21',
    title: {
      sv: 'Rinkeby-Kista stadsdelsnämnd, protokoll 2017-09-21 §10 (Tertialrapport 2 2017, Dnr 1.2.1.-401-2017) med reservationer',
      en: 'Rinkeby-Kista district committee, minutes 2017-09-21 §10 (four-month report 2, 2017, ref. 1.2.1.-401-2017) with reservations',
    },
    publisher: 'Rinkeby-Kista stadsdelsnämnd, Stockholms stad',
  },
} as const

export type SourceDocument = keyof typeof SOURCE_DOCUMENTS
export const SOURCE_DOCUMENT_FILES = Object.keys(SOURCE_DOCUMENTS) as [SourceDocument, ...SourceDocument[]]

/** Where in a source document a piece of content comes from. */
export const sourceSchema = z
  .object({
    document: z.enum(
      SOURCE_DOCUMENT_FILES,
      coded('source.document', (input) => ({ documents: SOURCE_DOCUMENT_FILES, got: given(input) })),
    ),
    section: z.string().trim().min(1, coded('source.section')),
    date: documentDateSchema,
  })
  .strict()

export type Source = z.infer<typeof sourceSchema>

/** The fields every strategy item shares: id, bilingual title and description, and its source. */
export const sourcedItemShape = {
  title: localizedTextSchema,
  description: localizedTextSchema,
  source: sourceSchema,
}
