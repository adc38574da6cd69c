/**
 * The date field's texts (date-field.tsx): the format hint and the errors it gives at the
 * field, in Swedish and English. Every error names the field (`{label}`) and what was
 * written, so it reads the same in the error summary.
 */
export const dateSv = {
  dateHint: 'ÅÅÅÅ-MM-DD, till exempel 2027-03-31',
  dateNotADate: '{label}: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31 (du skrev ”{text}”).',
  dateNoSuchMonth: '{label}: {text} finns inte. Månaden skrivs 01 till 12.',
  dateNoSuchDay: '{label}: {text} finns inte. {month} {year} har {days} dagar.',
} as const

export const dateEn: Readonly<Record<keyof typeof dateSv, string>> = {
  dateHint: 'YYYY-MM-DD, for example 2027-03-31',
  dateNotADate: '{label}: write the date as YYYY-MM-DD, for example 2027-03-31 (you wrote “{text}”).',
  dateNoSuchMonth: '{label}: {text} does not exist. The month is written 01 to 12.',
  dateNoSuchDay: '{label}: {text} does not exist. {month} {year} has {days} days.',
}
