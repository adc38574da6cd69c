/** The environment could not be read; `message` names each variable and what is wrong. */
export class EnvError extends Error {
  override readonly name = 'EnvError'
}
