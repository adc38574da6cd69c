import type { Command } from 'commander'
import { directivePoints, guidelines, measures, measuresOwnedAt, perspectives, risks, unownedMeasures } from '@vbe/core/strategy'
import { sharedContacts } from '@vbe/core/plugins'
import type { Io } from '../io.js'
import { installedPlugins } from '@vbe/districts'

/**
 * The main job. At this stage the toolkit is a library, plugins and this command line,
 * so `start` shows what exists and how to use it; the apps join it as they are built.
 */
export function registerStart(program: Command, io: Io): void {
  program
    .command('start')
    .description('show what the toolkit holds and how to use it (the apps join this as they are built)')
    .action(() => {
      const ids = (list: ReadonlyArray<{ id: string }>) => list.map((i) => i.id).join(' ')
      io.out(`VBE toolkit — the City of Stockholm's work against violent extremism

@vbe/core/strategy
  guidelines        ${guidelines.length}   ${ids(guidelines)}
  perspectives      ${perspectives.length}   ${ids(perspectives)}
  risks             ${risks.length}   ${ids(risks)}
  measures         ${measures.length}   owned at district level: ${ids(measuresOwnedAt('district'))}; no owner in the sources: ${ids(unownedMeasures())}
  directive points ${directivePoints.length}   D1–D12 (June 2017)

@vbe/core/plugins
  shared contacts   ${sharedContacts.length}   ${sharedContacts.map((c) => c.phone ?? c.id).join(', ')}
${installedPlugins.plugins
  .map(
    (p) =>
      `  ${p.id.padEnd(17)} ${p.contacts.length} contact(s), ${p.grantProgrammes.length} grant programme(s), ${p.planSections.length} plan section(s)`,
  )
  .join('\n')}

Try:
  vbe strategy --lang en            the strategy as tables
  vbe strategy --format json        the strategy as JSON
  vbe plugins                       district contacts and programmes
  vbe --help                        every command

Info widget: npm start serves its demo district page at http://localhost:4310/demo/rinkeby-kista.html
(snippet generator: /generator/). The grant-screening and plan-editor apps will start here too.
`)
    })
}
