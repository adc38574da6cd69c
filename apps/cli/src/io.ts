/** Where a command writes. Injected so the program can be driven from tests and other tools. */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** True when stdout is a terminal (for colour and progress decisions). */
  readonly isTTY: boolean
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
}

/** Exit codes: 0 success, 1 some input was invalid, 2 usage error. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const

/** A usage error: bad command, flag or flag value. Exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
