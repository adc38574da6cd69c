import type { Source } from '../shared/index.js'

/** A section of Norrmalm's 2015 consultation response. */
export const norrmalm = (section: string): Source => ({
  document: 'norrmalm-remissvar-strategi-vbe-2015.txt',
  section,
  date: '2015',
})

/** A section of Rinkeby-Kista district committee's minutes of 2017-09-21, §10. */
export const rinkebyKista = (section: string): Source => ({
  document: 'rinkeby-kista-protokoll-2017-09-21-par10.txt',
  section,
  date: '2017-09-21',
})
