// Parsing and screening one application with the installed plugins.
import { Plugins } from './store.js'
import { Effect } from 'effect'
import type { LocalizedText } from '@vbe/core'
import {
  safeParseApplication,
  ProgrammeNotInForceError,
  screener,
  UnknownProgrammeError,
  type Application,
  type ScreeningResult,
} from '@vbe/core/grants'
import { Clock, Invalid, problemText } from '@vbe/server-kit'
import { stockholmDay } from '@vbe/core/calendar'

/** Screens one application with the app's plugins on the clock's day; programme problems become field problems. */
export function screenApplication(application: Application): Effect.Effect<ScreeningResult, Invalid, Clock | Plugins> {
  return Effect.gen(function* () {
    const plugins = yield* Plugins
    const on = stockholmDay((yield* Clock).now())
    try {
      return screener(plugins).screen(application, on)
    } catch (error) {
      if (error instanceof UnknownProgrammeError || error instanceof ProgrammeNotInForceError) {
        return yield* new Invalid({
          detail: {
            sv: 'Ansökan gäller ett bidragsprogram som inte kan prövas.',
            en: 'The application names a programme that cannot be screened.',
          },
          problems: [{ path: 'application.programme', message: programmeProblem(error) }],
        })
      }
      throw error
    }
  })
}

/** Why a programme cannot be screened, in both languages (from the error's message code). */
function programmeProblem(error: UnknownProgrammeError | ProgrammeNotInForceError): LocalizedText {
  return problemText(error.problem)
}

/** Parses an application from outside, naming each bad field under `prefix`. */
export function parseOrInvalid(input: unknown, prefix = 'application'): Effect.Effect<Application, Invalid> {
  const parsed = safeParseApplication(input)
  if (!parsed.ok) {
    return Effect.fail(
      new Invalid({
        detail: { sv: 'Ansökan innehåller fel.', en: 'The application is invalid.' },
        problems: parsed.problems.map((p) => ({ path: p.path === '(root)' ? prefix : `${prefix}.${p.path}`, message: problemText(p) })),
      }),
    )
  }
  return Effect.succeed(parsed.value)
}
