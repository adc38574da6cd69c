import { Option, type Command } from 'commander'
import type { Locale } from '@vbe/core'
import { sharedContacts } from '@vbe/core/plugins'
import type { Io } from '../io.js'
import { installedPlugins } from '@vbe/districts'
import { renderTable } from '../table.js'

export function registerPlugins(program: Command, io: Io): void {
  program
    .command('plugins')
    .description('list the installed district plugins with their contacts, grant programmes and plan sections')
    .addOption(new Option('--lang <lang>', 'language of the texts').choices(['sv', 'en']).default('sv'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((opts: { lang: Locale; format: 'table' | 'json' }) => {
      const plugins = installedPlugins.plugins
      if (opts.format === 'json') {
        io.out(`${JSON.stringify({ sharedContacts, plugins }, null, 2)}\n`)
        return
      }
      const l = opts.lang
      const head = l === 'sv' ? ['Id', 'Typ', 'Namn', 'Telefon', 'Kontrollerad'] : ['Id', 'Kind', 'Name', 'Phone', 'Checked']
      const contactRows = (list: typeof sharedContacts) => list.map((c) => [c.id, c.kind, c.name[l], c.phone ?? '–', c.source.verifiedOn])
      let out = `${l === 'sv' ? 'Gemensamma kontakter (core)' : 'Shared contacts (core)'}\n${renderTable(head, contactRows(sharedContacts), [28, 18, 50, 14, 11])}`
      for (const p of plugins) {
        out += `\n${p.name[l]} (${p.id})\n`
        if (p.notice) out += `${p.notice[l]}\n`
        out += renderTable(head, contactRows(p.contacts), [40, 18, 50, 14, 11])
        for (const g of p.grantProgrammes) {
          const max = g.parameters.maxAmount?.toLocaleString(l === 'sv' ? 'sv-SE' : 'en-GB')
          out += `${l === 'sv' ? 'Bidrag' : 'Grant'}: ${g.id} — ${g.name[l]}${max ? ` (max ${max} kr)` : ''}\n`
        }
        out += `${l === 'sv' ? 'Planavsnitt' : 'Plan sections'}: ${p.planSections.map((s) => s.id).join(', ') || '–'}\n`
      }
      io.out(out)
    })
}
