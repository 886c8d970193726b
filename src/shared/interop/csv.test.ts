import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv'

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF or LF', () => {
    const text = '\uFEFFtitle,team,depends on\r\n"Cut onboarding time, from 6 weeks to 2",Growth,"Usage-based ""pricing"" pilot\nSelf-serve onboarding"\nReduce cloud spend by 20%,,\n'
    expect(parseCsv(text)).toEqual({
      ok: true,
      rows: [
        ['title', 'team', 'depends on'],
        ['Cut onboarding time, from 6 weeks to 2', 'Growth', 'Usage-based "pricing" pilot\nSelf-serve onboarding'],
        ['Reduce cloud spend by 20%', '', '']
      ]
    })
  })

  it('takes semicolons as separators when the header uses them', () => {
    expect(parseCsv('title;team\nData warehouse migration;Data Platform')).toEqual({ ok: true, rows: [['title', 'team'], ['Data warehouse migration', 'Data Platform']] })
  })

  it('skips blank lines but keeps a row of one empty quoted field', () => {
    expect(parseCsv('title\n\nSupport ticket triage\n""\n')).toEqual({ ok: true, rows: [['title'], ['Support ticket triage'], ['']] })
  })

  it('says where a quote is wrong', () => {
    expect(parseCsv('title\n"Route Optimiser 3.0')).toEqual({ ok: false, problem: 'line 2: a quoted field is never closed (a " is missing)' })
    expect(parseCsv('title\nRoute "Optimiser"')).toEqual({ ok: false, problem: 'line 2: a quote in the middle of a field (put the field in quotes and write "" for the quote)' })
    expect(parseCsv('title\n"Route" Optimiser')).toEqual({ ok: false, problem: 'line 2: text follows a closing quote (write "" for a quote inside a quoted field)' })
  })
})
