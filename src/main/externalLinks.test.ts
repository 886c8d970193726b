import { describe, expect, it } from 'vitest'
import { externalLinkToOpen } from './externalLinks'

describe('externalLinkToOpen', () => {
  it('passes plain http(s) links, normalised', () => {
    expect(externalLinkToOpen('https://example.org/beautiful-mess')).toBe('https://example.org/beautiful-mess')
    expect(externalLinkToOpen('HTTP://Example.org')).toBe('http://example.org/')
  })

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'file://server/share/board.orgboard',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker/share',
    'app://orgboard/index.html',
    'https://user:secret@example.org/',
    'https://',
    'not a url',
    ''
  ])('refuses %j', (url) => {
    expect(externalLinkToOpen(url)).toBeNull()
  })
})
