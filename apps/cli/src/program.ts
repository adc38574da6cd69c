import { Command, CommanderError } from 'commander'
import { EXIT, processIo, UsageError, type Io } from './io.js'
import { registerPlugins } from './commands/plugins.js'
import { registerScreen } from './commands/screen.js'
import { registerStart } from './commands/start.js'
import { registerStrategy } from './commands/strategy.js'

export const VERSION = '0.1.0'

/** Builds the `vbe` program. Each command lives in `commands/` and registers itself here. */
export function buildProgram(io: Io = processIo): Command {
  const program = new Command('vbe')
    .description('The VBE toolkit: the City of Stockholm’s strategy against violent extremism, district plugins and batch tools.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
  program.addHelpText(
    'after',
    '\nExit codes: 0 success, 1 some input records were invalid, 2 usage error.\nRun `vbe <command> --help` for a command’s options and examples.',
  )

  registerStart(program, io)
  registerStrategy(program, io)
  registerPlugins(program, io)
  registerScreen(program, io)

  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err })
  return program
}

/** Runs the program and returns the exit code instead of exiting. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io)
  if (argv.length === 0) {
    io.err(`error: no command given.\n\n${program.helpInformation()}`)
    return EXIT.usage
  }
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode)
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander throws is a usage error
      // and commander has already printed a message naming the command or flag.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok
      io.err('Run `vbe --help` for usage.\n')
      return EXIT.usage
    }
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n`)
      return EXIT.usage
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT.invalidInput
  }
}
