import type { Meta, StoryObj } from '@storybook/react-vite'
import { AccessibilityStatement } from '../accessibility.js'
import { LoginPage } from '../login.js'
import { Loading, Notice, ProblemMessage } from '../page.js'
import { SessionsPage } from '../sessions-page.js'
import type { PasswordPolicy } from '../password-form.js'
import { fieldProblem } from './fixtures.js'
import { mySessions as SESSIONS } from './users-fixture.js'

const meta = { title: 'Kit/Pages' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

export const Login: Story = { render: () => <LoginPage intro="Logga in med ditt användarnamn och lösenord." onLogin={() => {}} /> }
export const LoginEnglishSessionExpired: Story = {
  parameters: { lang: 'en' },
  render: () => <LoginPage intro="Log in with your username and password." expired onLogin={() => {}} />,
}
export const LoginWithCityAccount: Story = {
  render: () => (
    <LoginPage intro="Logga in med stadens konto eller ditt användarnamn." methods={{ password: true, oidc: true }} onLogin={() => {}} />
  ),
}
export const LoginCityAccountOnlyEnglish: Story = {
  parameters: { lang: 'en' },
  render: () => <LoginPage intro="Sign in with the city’s account." methods={{ password: false, oidc: true }} onLogin={() => {}} />,
}
export const AccessibilityStatementSwedish: Story = { render: () => <AccessibilityStatement /> }
export const AccessibilityStatementEnglish: Story = { parameters: { lang: 'en' }, render: () => <AccessibilityStatement /> }
export const LoadingState: Story = { render: () => <Loading /> }
export const PageProblem: Story = { render: () => <ProblemMessage problem={fieldProblem('sv')} /> }
export const Notices: Story = {
  render: () => (
    <>
      <Notice tone="info" title="Information">
        <p>Planen är inlämnad och kan inte ändras.</p>
      </Notice>
      <Notice tone="ok">
        <p>Beslutet är sparat.</p>
      </Notice>
      <Notice tone="warn">
        <p>Lägesbilden är äldre än 12 månader.</p>
      </Notice>
      <Notice tone="error" role="alert">
        <p>Det gick inte att spara.</p>
      </Notice>
    </>
  ),
}

const POLICY: PasswordPolicy = { allowed: true, minLength: 12, maxLength: 128 }
export const MySignIns: Story = { render: () => <SessionsPage initial={SESSIONS} policy={POLICY} /> }
export const MySignInsEnglish: Story = { parameters: { lang: 'en' }, render: () => <SessionsPage initial={SESSIONS} policy={POLICY} /> }
/** As on a phone (375 px): each sign-in is a card, its fields labelled, the end button under them; nothing scrolls sideways. */
export const MySignInsPhoneEnglish: Story = {
  parameters: { lang: 'en' },
  render: () => (
    <div style={{ maxWidth: '375px' }}>
      <SessionsPage initial={SESSIONS} policy={POLICY} />
    </div>
  ),
}
export const MySignInsCityAccount: Story = { render: () => <SessionsPage initial={SESSIONS} policy={{ ...POLICY, allowed: false }} /> }
