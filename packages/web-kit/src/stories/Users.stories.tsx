import type { Meta, StoryObj } from '@storybook/react-vite'
import { ConfirmDialog } from '../confirm-dialog.js'
import { PasswordForm } from '../password-form.js'
import type { Account } from '../users-page.js'
import { UsersPage } from '../users-page.js'
import type { SessionInfo } from '../sessions-page.js'
import type { User } from '../types.js'

const meta = { title: 'Kit/Users' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

const DISTRICTS: Readonly<Record<string, string>> = { 'rinkeby-kista': 'Rinkeby-Kista', norrmalm: 'Norrmalm' }
const districtName = (id: string) => DISTRICTS[id] ?? id

const cityAdmin: User = { id: 'u-admin', username: 'admin', displayName: 'Sara Administratör', roles: ['admin'], district: null }
const districtAdmin: User = { ...cityAdmin, id: 'u-admin-rk', displayName: 'Karim Administratör', district: 'rinkeby-kista' }

const USERS: Account[] = [
  {
    id: 'u1',
    displayName: 'Amina Handläggare',
    roles: ['officer'],
    district: 'rinkeby-kista',
    disabled: false,
    signIn: 'password',
    liveSessions: 2,
    lastSeenAt: '2026-05-04T08:55:00Z',
    self: false,
  },
  {
    id: 'u2',
    displayName: 'Bertil Attestant',
    roles: ['officer', 'approver'],
    district: 'rinkeby-kista',
    disabled: true,
    signIn: 'oidc',
    liveSessions: 0,
    lastSeenAt: null,
    self: false,
  },
  {
    id: 'u-admin',
    displayName: 'Sara Administratör',
    roles: ['admin'],
    district: null,
    disabled: false,
    signIn: 'password',
    liveSessions: 1,
    lastSeenAt: '2026-05-04T09:01:00Z',
    self: true,
  },
]
const SESSIONS: Record<string, SessionInfo[]> = {
  u1: [
    {
      id: '8b1f0c3e-0000-4000-8000-000000000003',
      createdAt: '2026-05-04T06:00:00Z',
      lastSeenAt: '2026-05-04T08:55:00Z',
      expiresAt: '2026-05-04T14:00:00Z',
      address: '10.20.30.40',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0',
      current: false,
    },
    {
      id: '8b1f0c3e-0000-4000-8000-000000000004',
      createdAt: '2026-05-03T12:10:00Z',
      lastSeenAt: '2026-05-04T07:40:00Z',
      expiresAt: '2026-05-04T20:10:00Z',
      address: null,
      userAgent: null,
      current: false,
    },
  ],
}

/** A city-wide admin: every user, one user's sign-ins shown; no disable button for oneself. */
export const UsersCityWide: Story = {
  render: () => <UsersPage admin={cityAdmin} district={districtName} initial={USERS} sessions={SESSIONS} />,
}
export const UsersDistrictEnglish: Story = {
  parameters: { lang: 'en' },
  render: () => <UsersPage admin={districtAdmin} district={districtName} initial={USERS.slice(0, 2)} />,
}
/** As on a phone (375 px): each user is a card (the name its title, every field labelled, the buttons under them), one user's sign-ins as cards inside it. */
export const UsersPhone: Story = {
  render: () => (
    <div style={{ maxWidth: '375px' }}>
      <UsersPage admin={cityAdmin} district={districtName} initial={USERS} sessions={SESSIONS} />
    </div>
  ),
}
export const UsersNone: Story = { render: () => <UsersPage admin={districtAdmin} district={districtName} initial={[]} /> }

/** The question before disabling an account (a modal dialog). */
export const ConfirmDisable: Story = {
  render: () => (
    <ConfirmDialog
      title="Stäng av kontot för Amina Handläggare?"
      confirmLabel="Stäng av kontot"
      danger
      onConfirm={() => {}}
      onCancel={() => {}}
    >
      <p>Personen kan inte logga in förrän en administratör aktiverar kontot igen, och alla personens inloggningar avslutas nu.</p>
    </ConfirmDialog>
  ),
}

export const ChangePassword: Story = { render: () => <PasswordForm policy={{ allowed: true, minLength: 12, maxLength: 128 }} /> }
export const ChangePasswordEnglish: Story = {
  parameters: { lang: 'en' },
  render: () => <PasswordForm policy={{ allowed: true, minLength: 12, maxLength: 128 }} />,
}
