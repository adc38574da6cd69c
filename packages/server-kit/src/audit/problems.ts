import type { Locale, LocalizedText } from '@vbe/core'

/** What is wrong with the chain, as a stable code. */
export const AUDIT_PROBLEM_CODES = [
  'missing',
  'out_of_order',
  'prev_hash',
  'payload_altered',
  'not_tombstone',
  'event_altered',
  'orphan_tombstone',
  'tombstone_not_listed',
  'erasure_incomplete',
  'truncated',
  'checkpoint_mismatch',
  'checkpoint_forged',
  'key_unknown',
  'checkpoint_key_unknown',
  'unreconciled',
  'record_missing',
] as const
export type AuditProblemCode = (typeof AUDIT_PROBLEM_CODES)[number]

export interface AuditProblem {
  /** The event the problem is about; `null` when it is about no one event (a row without its event). */
  readonly seq: number | null
  readonly code: AuditProblemCode
  /** The other event numbers the problem names: the missing range, or the erasure event a tombstone points to. */
  readonly from?: number
  readonly to?: number
  readonly by?: number
  /** For `unreconciled` and `record_missing`: the record, in words a reader knows it by (never a raw id). */
  readonly subject?: LocalizedText
  /** For `key_unknown` and `checkpoint_key_unknown`: the id of the key the seal does not hold (a fingerprint, not the key). */
  readonly keyId?: string
  /** The problem in words, in English (`auditProblemText` gives both languages). */
  readonly problem: string
}

export type AuditProblemFacts = Omit<AuditProblem, 'problem'>

/** The problem in Swedish and English, for the auditor reading the verification. */
export function auditProblemText(p: AuditProblemFacts): LocalizedText {
  switch (p.code) {
    case 'missing':
      return p.from === p.to
        ? { sv: `händelse ${p.from} saknas`, en: `event ${p.from} is missing` }
        : { sv: `händelserna ${p.from}–${p.to} saknas`, en: `events ${p.from}–${p.to} are missing` }
    case 'out_of_order':
      return { sv: `händelse ${p.seq} ligger i fel ordning`, en: `event ${p.seq} is out of order` }
    case 'prev_hash':
      return { sv: 'prev_hash stämmer inte med hashen för händelsen före', en: 'prev_hash does not match the hash of the event before it' }
    case 'payload_altered':
      return { sv: 'före/efter-innehållet har ändrats', en: 'the before/after payload was altered' }
    case 'not_tombstone':
      return { sv: 'markerad som raderad, men innehållet är inte en gravsten', en: 'marked as erased but the payload is not a tombstone' }
    case 'event_altered':
      return {
        sv: 'händelsen har ändrats (hashen stämmer inte med innehållet)',
        en: 'the event was altered (its hash does not match its content)',
      }
    case 'orphan_tombstone':
      return {
        sv: `raderad, men händelse ${p.by} är ingen raderingshändelse som kommer efter den`,
        en: `erased, but event ${p.by} is not an erasure event that follows it`,
      }
    case 'tombstone_not_listed':
      return {
        sv: `markerad som raderad av händelse ${p.by}, men den raderingen räknar inte upp händelsen: innehållet har gömts i efterhand`,
        en: `marked as erased by event ${p.by}, but that erasure does not list it: the content was hidden afterwards`,
      }
    case 'erasure_incomplete':
      return {
        sv: `raderingen i händelse ${p.by} räknar upp händelsen, men den är inte raderad`,
        en: `the erasure in event ${p.by} lists this event, but it is not erased`,
      }
    case 'truncated': {
      const which =
        p.from === p.to
          ? { sv: `händelse ${p.to}`, en: `event ${p.to} is` }
          : { sv: `händelserna ${p.from}–${p.to}`, en: `events ${p.from}–${p.to} are` }
      return {
        sv: `${which.sv} saknas efter kontrollpunkt ${p.to}: den signerade kontrollpunkten visar att kedjan nådde händelse ${p.to}. De senaste händelserna har tagits bort, eller så har databasen förlorat sina sista ändringar (en krasch, eller återläsning av en äldre säkerhetskopia)`,
        en: `${which.en} missing after checkpoint ${p.to}: the signed checkpoint shows the chain reached event ${p.to}. The newest events were deleted, or the database lost its last commits (a crash, or a restore from an older backup)`,
      }
    }
    case 'checkpoint_mismatch':
      return {
        sv: 'händelsen stämmer inte med den signerade kontrollpunkten: kedjan har skrivits om från hit',
        en: 'the event does not match the signed checkpoint: the chain was rewritten from here',
      }
    case 'checkpoint_forged':
      return {
        sv: 'den sparade kontrollpunkten har ingen giltig signatur (ändrad, eller gjord med en annan nyckel)',
        en: 'the stored checkpoint has no valid signature (altered, or made with another key)',
      }
    case 'key_unknown': {
      const which =
        p.from === p.to
          ? { sv: `Händelse ${p.from}`, en: `Event ${p.from} is` }
          : { sv: `Händelserna ${p.from}–${p.to}`, en: `Events ${p.from}–${p.to} are` }
      return {
        sv: `${which.sv} är signerade med nyckeln ${p.keyId}, som servern inte har, och kan inte kontrolleras: en avställd nyckel saknas i VBE_AUDIT_RETIRED_KEYS_FILE, eller så är nyckel-id:t förfalskat`,
        en: `${which.en} signed with key ${p.keyId}, which this server does not hold, and cannot be checked: a retired key is missing from VBE_AUDIT_RETIRED_KEYS_FILE, or the key id was forged`,
      }
    }
    case 'checkpoint_key_unknown':
      return {
        sv: `den sparade kontrollpunkten är signerad med nyckeln ${p.keyId}, som servern inte har, och kan inte kontrolleras`,
        en: `the stored checkpoint is signed with key ${p.keyId}, which this server does not hold, and cannot be checked`,
      }
    case 'record_missing':
      return {
        sv: `${p.subject?.sv ?? 'En uppgift'}: granskningsloggen har händelsen, men uppgiften finns inte längre i tabellerna eller stämmer inte med den`,
        en: `${p.subject?.en ?? 'A record'}: the audit log holds its event, but the record is gone from the tables or no longer matches it`,
      }
    case 'unreconciled':
      return {
        sv: `${p.subject?.sv ?? 'en uppgift'} har ingen motsvarande händelse i granskningsloggen`,
        en: `${p.subject?.en ?? 'a record'} has no matching event in the audit log`,
      }
  }
}

export const auditProblem = (p: AuditProblemFacts): AuditProblem => ({ ...p, problem: auditProblemText(p).en })

export interface AuditVerification {
  readonly ok: boolean
  /** Events checked (in the reader's districts, for a reader held to districts). */
  readonly checked: number
  /** The last event's seq and hash (city-wide readers only); checkpoints of it are kept outside the database. */
  readonly head: { readonly seq: number; readonly hash: string } | null
  readonly problems: readonly AuditProblem[]
}

/** The verification as the API gives it: each problem's words in `lang`, and no field a reader should not see. */
export function verificationIn(v: AuditVerification, lang: Locale): AuditVerification {
  return {
    ...v,
    problems: v.problems.map((p) => ({
      seq: p.seq,
      code: p.code,
      ...(p.from === undefined ? {} : { from: p.from }),
      ...(p.to === undefined ? {} : { to: p.to }),
      ...(p.by === undefined ? {} : { by: p.by }),
      problem: auditProblemText(p)[lang],
    })),
  }
}

/**
 * The verification as a reader held to `districts` (`null`: city-wide) may see it: the
 * problems of its districts' events and rows and those of the chain as a whole, the
 * count of its districts' events, and no head.
 */
export function verificationFor(
  v: AuditVerification & {
    readonly checkedBy: ReadonlyMap<string | null, number>
    readonly districtOf: ReadonlyMap<AuditProblem, string | null>
  },
  districts: readonly string[] | null,
): AuditVerification {
  const { ok, checked, head, problems } = v
  if (districts === null) return { ok, checked, head, problems }
  const mine = problems.filter((p) => {
    const d = v.districtOf.get(p)
    return d === undefined || (d !== null && districts.includes(d))
  })
  return { ok: mine.length === 0, checked: districts.reduce((n, d) => n + (v.checkedBy.get(d) ?? 0), 0), head: null, problems: mine }
}
