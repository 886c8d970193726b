import { describe, expect, it } from 'vitest'
import { isAllowedPermission } from './security'

describe('window permissions', () => {
  it('allows the clipboard (Copy and Paste of cards from the command palette) and nothing else', () => {
    expect(isAllowedPermission('clipboard-read')).toBe(true)
    expect(isAllowedPermission('clipboard-sanitized-write')).toBe(true)
    for (const other of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(isAllowedPermission(other), other).toBe(false)
    }
  })
})
