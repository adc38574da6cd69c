import { describe, expect, it } from 'vitest'
import { textParagraphs } from './index.js'

describe('textParagraphs', () => {
  it('splits at blank lines (any line ends, spaces allowed), trims, leaves out empty ones and keeps single line breaks', () => {
    expect(textParagraphs('Första stycket.\r\nSamma stycke.\r\n\r\nAndra.\r \r  Tredje  \n\n\n\n')).toEqual([
      'Första stycket.\nSamma stycke.',
      'Andra.',
      'Tredje',
    ])
    expect(textParagraphs('  \n\n ')).toEqual([])
    expect(textParagraphs('## Rubrik?\n\n<b>x</b>')).toEqual(['## Rubrik?', '<b>x</b>'])
  })
})
