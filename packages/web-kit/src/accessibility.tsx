import type { ReactNode } from 'react'
import { useKitI18n } from './i18n.js'
import { PageHeading } from './page.js'

/**
 * The accessibility statement (tillgänglighetsredogörelse) both apps serve at
 * `#/tillganglighet`, in Swedish and English, to anyone (signing in is not needed).
 */
export function AccessibilityStatement(): ReactNode {
  const { t } = useKitI18n()
  const sections = [
    ['a11yStatusTitle', 'a11yStatus'],
    ['a11yGapsTitle', 'a11yGaps'],
    ['a11yTestedTitle', 'a11yTested'],
    ['a11yReportTitle', 'a11yReport'],
    ['a11ySupervisionTitle', 'a11ySupervision'],
  ] as const
  return (
    <article className="prose">
      <PageHeading>{t('a11yTitle')}</PageHeading>
      <p className="lead">{t('a11yIntro', { app: t('appName') })}</p>
      {sections.map(([title, text]) => (
        <section key={title} aria-labelledby={`a11y-${title}`}>
          <h2 id={`a11y-${title}`}>{t(title)}</h2>
          <p>{t(text)}</p>
        </section>
      ))}
      <p className="muted">{t('a11yDate')}</p>
    </article>
  )
}
