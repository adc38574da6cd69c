/*
 * The tables of the decision letter (migration 004-letters): the case numbers
 * (diarienummer) and their series, the officers' titles as a letter prints them, and
 * each issued letter, frozen at signing.
 */
export interface LetterTables {
  /** Each case's number in its authority's diarium, assigned once and never changed. */
  gs_case_numbers: { case_id: string; case_number: string; prefix: string; year: number; number: number; assigned_at: Date }
  /** The last number used in each authority's series for a year. */
  gs_case_number_series: { prefix: string; year: number; last: number }
  /** A person's title as a letter gives it beside their name (their name is the user's display name). */
  gs_staff_titles: { username: string; title_sv: string; title_en: string; updated_at: Date }
  /**
   * An issued letter: the letter model in both languages as JSON text, and its SHA-256,
   * written when the decision is signed. One per decision, named by its id (migration 005);
   * a letter from before that no decision matched has a null id.
   */
  gs_letters: {
    case_id: string
    decision_id: string | null
    decided_at: Date
    case_number: string
    model: string
    sha256: string
    frozen_at: Date
  }
}
