import { norrmalmExamplePlan, type Plan } from '@vbe/core/plans'

/**
 * A plan created from a template, filled as the committee's rules need before it can be submitted: a written
 * situation picture, the first local section answered, and activities tied to the strategy's guidelines with
 * complete effect indicators (Norrmalm's example activities, whose analysis has no errors).
 */
export function readyToSubmit(doc: Plan): Plan {
  return {
    ...doc,
    situationPicture: { ...doc.situationPicture, summary: doc.situationPicture.summary || 'Lägesbilden från polisens samverkansmöte.' },
    sections: doc.sections.map((s, i) => (i === 0 && s.text.trim() === '' ? { ...s, text: 'Stadsdelens svar.' } : s)),
    activities: doc.activities.length > 0 ? doc.activities : (structuredClone(norrmalmExamplePlan.activities) as Plan['activities']),
  }
}
