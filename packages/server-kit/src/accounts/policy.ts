import type { FieldProblemText } from '../errors.js'
import { COMMON_PASSWORDS } from './common-passwords.js'

/** The password policy (ASVS V2.1): at least 12 characters, at most 128, not the username, not a common password. */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 128 } as const

/** Characters as a person counts them (an emoji is one), after Unicode normalisation as the hash sees it. */
const lengthOf = (s: string): number => [...s.normalize('NFC')].length

/**
 * What is wrong with a new password, each as a problem naming `newPassword` in Swedish
 * and English; empty when it may be used. Spaces count and are kept (a passphrase is
 * welcome), as ASVS V2.1.3 asks.
 */
export function newPasswordProblems(password: string, user: { readonly username: string }, current?: string): FieldProblemText[] {
  const path = 'newPassword'
  const length = lengthOf(password)
  const { minLength, maxLength } = PASSWORD_POLICY
  const out: FieldProblemText[] = []
  if (length < minLength)
    out.push({
      path,
      message: {
        sv: `Lösenordet måste ha minst ${minLength} tecken (det har ${length}). En fras av flera ord är lätt att minnas.`,
        en: `The password must have at least ${minLength} characters (it has ${length}). A phrase of several words is easy to remember.`,
      },
    })
  if (length > maxLength)
    out.push({
      path,
      message: {
        sv: `Lösenordet får ha högst ${maxLength} tecken (det har ${length}).`,
        en: `The password may have at most ${maxLength} characters (it has ${length}).`,
      },
    })
  const folded = password.normalize('NFC').trim().toLowerCase()
  if (folded === user.username.trim().toLowerCase())
    out.push({ path, message: { sv: 'Lösenordet får inte vara ditt användarnamn.', en: 'The password must not be your username.' } })
  if (COMMON_PASSWORDS.has(folded))
    out.push({
      path,
      message: {
        sv: 'Lösenordet är för vanligt och bland de första som en angripare provar. Välj ett annat.',
        en: 'The password is too common: it is among the first an attacker tries. Choose another.',
      },
    })
  if (current !== undefined && password === current)
    out.push({
      path,
      message: { sv: 'Det nya lösenordet måste skilja sig från det nuvarande.', en: 'The new password must differ from the current one.' },
    })
  return out
}
