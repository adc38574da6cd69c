import type { Meta, StoryObj } from '@storybook/react-vite'
import { AppLayout } from '../layout.js'
import { PageHeading } from '../page.js'
import { exampleUser } from './fixtures.js'

const meta = { title: 'Kit/Layout', parameters: { layout: 'fullscreen' } } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

const nav = [
  { href: '#/', label: 'Ärenden', current: true },
  { href: '#/import', label: 'Importera' },
  { href: '#/audit', label: 'Granskningslogg' },
]

/** Signed in: the display name (never the username), roles, sign out, the main menu and the footer's accessibility statement link. */
export const SignedIn: Story = {
  render: () => (
    <AppLayout
      user={{ displayName: exampleUser.displayName, roles: exampleUser.roles, district: 'Rinkeby-Kista' }}
      onSignOut={() => {}}
      nav={nav}
      footerLinks={[{ href: '/api/docs', label: 'API-dokumentation' }]}
    >
      <PageHeading>Ärenden</PageHeading>
      <p>Sidans innehåll.</p>
    </AppLayout>
  ),
}

export const SignedOutEnglish: Story = {
  parameters: { lang: 'en' },
  render: () => (
    <AppLayout>
      <PageHeading>Log in</PageHeading>
      <p>The page’s content.</p>
    </AppLayout>
  ),
}
