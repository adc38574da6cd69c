import type { Contact, WebSource } from './schemas.js'
import { defineContacts } from './define.js'

/**
 * How these facts were checked. Written down so that nobody mistakes a check against
 * a stored copy of a page for a check on the live site.
 */
export const STORED_COPY_NOTE = {
  sv: 'Kontrollerad mot en lagrad kopia av den offentliga sidan. Bekräfta på den levande sidan före publicering.',
  en: 'Checked against a stored copy of the public page. Confirm on the live page before publishing.',
} as const

const checked = (url: string, verifiedOn = '2026-11-22'): WebSource => ({ url, verifiedOn, note: STORED_COPY_NOTE })

const contacts: Contact[] = [
  {
    id: 'emergency-112',
    kind: 'emergency',
    name: { sv: 'Nödnumret 112', en: 'Emergency number 112' },
    phone: '112',
    url: 'https://www.sosalarm.se/112',
    hours: { summary: { sv: 'Dygnet runt', en: 'Around the clock' }, alwaysOpen: true },
    audience: {
      sv: 'När det är fara för liv, egendom eller miljö, eller ett brott pågår.',
      en: 'When life, property or the environment is in danger, or a crime is happening now.',
    },
    source: checked('https://www.sosalarm.se/112'),
  },
  {
    id: 'police-11414',
    kind: 'police',
    name: { sv: 'Polisen 114 14', en: 'The police, 114 14' },
    phone: '114 14',
    url: 'https://polisen.se/om-polisen/uppdrag-och-mal/sa-forenklas-kontakten-med-polisen',
    hours: { summary: { sv: 'Dygnet runt', en: 'Around the clock' }, alwaysOpen: true },
    audience: {
      sv: 'För att tipsa eller anmäla när det inte är akut. Vid akuta händelser: ring 112.',
      en: 'To report or give a tip when it is not urgent. If it is urgent: call 112.',
    },
    source: checked('https://polisen.se/om-polisen/uppdrag-och-mal/sa-forenklas-kontakten-med-polisen'),
  },
  {
    id: 'orostelefonen',
    kind: 'relatives-support',
    name: { sv: 'Orostelefonen om radikalisering (Rädda Barnen)', en: 'The worry line on radicalisation (Save the Children Sweden)' },
    phone: '020-100 200',
    url: 'https://www.raddabarnen.se/rad-och-kunskap/vaxaupputanhat/fragor-och-svar-om-orostelefonen/',
    audience: {
      sv: 'Anhöriga och andra vuxna som är oroliga för att någon i deras närhet dras in i våldsbejakande extremism. Du kan vara anonym.',
      en: 'Relatives and other adults who are worried that someone close to them is being drawn into violent extremism. You can stay anonymous.',
    },
    source: checked('https://www.raddabarnen.se/rad-och-kunskap/vaxaupputanhat/fragor-och-svar-om-orostelefonen/'),
  },
  {
    id: 'brottsofferjouren-116006',
    kind: 'victim-support',
    name: { sv: 'Brottsofferjouren, stödlinjen 116 006', en: 'Victim Support Sweden, support line 116 006' },
    phone: '116 006',
    url: 'https://brottsofferjouren.se/om-oss/vanliga-fragor',
    audience: {
      sv: 'Den som utsatts för brott, vittnen och anhöriga. Stödet är kostnadsfritt och du kan vara anonym.',
      en: 'People who have been victims of crime, witnesses and relatives. Support is free and you can stay anonymous.',
    },
    source: checked('https://brottsofferjouren.se/om-oss/vanliga-fragor'),
  },
  {
    id: 'stockholm-orosanmalan',
    kind: 'social-services',
    name: { sv: 'Anmäla oro för barn (orosanmälan), Stockholms stad', en: 'Reporting concern about a child, City of Stockholm' },
    url: 'https://socialtstod.stockholm/orosanmalan/',
    audience: {
      sv: 'Om du misstänker att ett barn eller en ungdom under 18 år far illa. Du behöver inte vara säker, och som privatperson kan du vara anonym.',
      en: 'If you suspect that a child or young person under 18 is being harmed. You do not need to be sure, and as a private person you can stay anonymous.',
    },
    source: checked('https://socialtstod.stockholm/orosanmalan/'),
  },
]

/**
 * Contacts every district shares: national numbers (112, the police's 114 14, the
 * national worry line, victim support) and the City of Stockholm's own reporting of
 * concern about a child. Each is sourced and dated; hours are given only where a
 * source states them unambiguously.
 */
export const sharedContacts: readonly Contact[] = defineContacts('Core shared contacts', contacts)
