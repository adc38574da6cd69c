import type { Meta, StoryObj } from '@storybook/react-vite'
import { ConfirmDialog } from '../confirm-dialog.js'
import { PasswordForm } from '../password-form.js'
import { UsersPage } from '../users-page.js'
import { cityAdmin, districtAdmin, districtName, exampleAccounts as USERS, sessionsByUser as SESSIONS } from './users-fixture.js'

const meta = { title: 'Kit/Users' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

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
