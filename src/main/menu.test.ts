import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { commandById, commands, type CommandSpec } from '../shared/commands'
import { isTypingKey, menuTemplate, toAccelerator, type DesktopMenu, type MenuOptions, type SendCommand } from './menu'

type Item = MenuItemConstructorOptions

const linux: MenuOptions = { platform: 'linux', isPackaged: true, appName: 'Orgboard' }
const mac: MenuOptions = { platform: 'darwin', isPackaged: true, appName: 'Orgboard' }

function submenu(item: Item | undefined): Item[] {
  const items = item?.submenu
  if (!Array.isArray(items)) throw new Error(`${item?.label ?? item?.role ?? 'item'} has no submenu template`)
  return items
}

function topMenu(template: Item[], label: string): Item[] {
  return submenu(template.find((m) => m.label === label))
}

function allItems(template: Item[]): Item[] {
  return template.flatMap((m) => (Array.isArray(m.submenu) ? [m, ...allItems(m.submenu)] : [m]))
}

function itemFor(template: Item[], id: string): Item {
  const found = allItems(template).filter((i) => i.id === id)
  expect(found, id).toHaveLength(1)
  return found[0] as Item
}

const noop: SendCommand = () => undefined

describe('menuTemplate', () => {
  it('has the command menus between the standard ones', () => {
    expect(menuTemplate(commands, linux, noop).map((m) => m.label ?? m.role)).toEqual([
      'File',
      'Edit',
      'Arrange',
      'Insert',
      'View',
      'Workshop',
      'windowMenu',
      'help'
    ])
    expect(menuTemplate(commands, mac, noop).map((m) => m.label ?? m.role)).toEqual([
      'Orgboard',
      'File',
      'Edit',
      'Arrange',
      'Insert',
      'View',
      'Workshop',
      'windowMenu',
      'help'
    ])
  })

  it('lists every command once, in its menu, with its title', () => {
    const template = menuTemplate(commands, linux, noop)
    const labels: Record<CommandSpec['menu'], string> = { file: 'File', edit: 'Edit', arrange: 'Arrange', insert: 'Insert', view: 'View', workshop: 'Workshop' }
    for (const command of commands) {
      const item = itemFor(template, command.id)
      expect(item.label).toBe(command.title)
      expect(topMenu(template, labels[command.menu])).toContain(item)
    }
  })

  it('sends the command id, with the window the menu belongs to', () => {
    const send = vi.fn<SendCommand>()
    const click = itemFor(menuTemplate(commands, linux, send), 'board.saveAs').click
    click?.({} as never, undefined, {} as never)
    expect(send).toHaveBeenCalledWith('board.saveAs', undefined)
  })

  it('turns Mod into CmdOrCtrl for shortcuts with a modifier', () => {
    for (const options of [linux, mac]) {
      const template = menuTemplate(commands, options, noop)
      expect(itemFor(template, 'board.save').accelerator).toBe('CmdOrCtrl+S')
      expect(itemFor(template, 'board.saveAs').accelerator).toBe('CmdOrCtrl+Shift+S')
      expect(itemFor(template, 'edit.redo').accelerator).toBe('CmdOrCtrl+Shift+Z')
      expect(itemFor(template, 'board.save').registerAccelerator).toBeUndefined()
    }
  })

  it('never lets the menu claim a key that typing produces', () => {
    const typing = commands.filter((c) => c.keys?.[0] && isTypingKey(c.keys[0]))
    expect(typing.map((c) => c.id)).toEqual(expect.arrayContaining(['insert.note', 'edit.delete', 'edit.rename', 'view.fit']))

    const onLinux = menuTemplate(commands, linux, noop)
    const onMac = menuTemplate(commands, mac, noop)
    for (const command of typing) {
      // Windows and Linux show the key but do not register it…
      expect(itemFor(onLinux, command.id)).toMatchObject({ accelerator: toAccelerator(command.keys?.[0] ?? ''), registerAccelerator: false })
      // …macOS ignores registerAccelerator, so it gets no accelerator at all.
      expect(itemFor(onMac, command.id).accelerator).toBeUndefined()
      expect(itemFor(onMac, command.id).toolTip).toMatch(/^Shortcut: /)
    }
    expect(itemFor(onLinux, 'insert.note').accelerator).toBe('N')
  })

  it('keeps the clipboard roles in Edit, so text fields can cut, copy and paste', () => {
    for (const options of [linux, mac]) {
      const roles = topMenu(menuTemplate(commands, options, noop), 'Edit').map((i) => i.role)
      expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']))
    }
  })

  it('makes Cut, Copy and Paste role items: they raise the page’s clipboard events instead of sending a command', () => {
    const send = vi.fn<SendCommand>()
    const template = menuTemplate(commands, linux, send)
    for (const [id, role, accelerator] of [
      ['edit.cut', 'cut', 'CmdOrCtrl+X'],
      ['edit.copy', 'copy', 'CmdOrCtrl+C'],
      ['edit.paste', 'paste', 'CmdOrCtrl+V']
    ] as const) {
      expect(itemFor(template, id)).toMatchObject({ role, label: commandById(id)?.title, accelerator })
      expect(itemFor(template, id).click).toBeUndefined()
    }
    expect(topMenu(template, 'Edit').filter((i) => i.role === 'copy')).toHaveLength(1)
  })

  it('shows arrow-key nudges by Electron’s key names, without claiming them from text fields', () => {
    const template = menuTemplate(commands, linux, noop)
    expect(itemFor(template, 'arrange.nudgeLeft')).toMatchObject({ accelerator: 'Left', registerAccelerator: false })
    expect(itemFor(template, 'arrange.nudgeDownMore')).toMatchObject({ accelerator: 'Shift+Down', registerAccelerator: false })
  })

  it('leaves Option+letter to typing on a Mac (it types "å"), but registers Alt+letter elsewhere', () => {
    expect(itemFor(menuTemplate(commands, linux, noop), 'arrange.alignLeft').accelerator).toBe('Alt+A')
    const onMac = itemFor(menuTemplate(commands, mac, noop), 'arrange.alignLeft')
    expect(onMac.accelerator).toBeUndefined()
    expect(onMac.toolTip).toBe('Shortcut: ⌥A')
    expect(itemFor(menuTemplate(commands, mac, noop), 'edit.duplicate').accelerator).toBe('CmdOrCtrl+D')
  })

  it('puts Quit in File except on macOS, where it is in the application menu', () => {
    const linuxFile = topMenu(menuTemplate(commands, linux, noop), 'File')
    expect(linuxFile.map((i) => i.role).filter(Boolean)).toEqual(['close', 'quit'])
    expect(linuxFile.find((i) => i.role === 'close')?.label).toBe('Close Window')

    const macTemplate = menuTemplate(commands, mac, noop)
    expect(topMenu(macTemplate, 'File').map((i) => i.role).filter(Boolean)).toEqual(['close'])
    expect(topMenu(macTemplate, 'Orgboard').map((i) => i.role).filter(Boolean)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit'
    ])
  })

  it('offers About Orgboard under Help (in the application menu on macOS)', () => {
    const help = submenu(menuTemplate(commands, linux, noop).find((m) => m.role === 'help'))
    expect(help).toEqual([{ role: 'about', label: 'About Orgboard' }])
  })

  it('shows Toggle Developer Tools only in development', () => {
    const hasDevTools = (options: MenuOptions): boolean =>
      allItems(menuTemplate(commands, options, noop)).some((i) => i.role === 'toggleDevTools')
    expect(hasDevTools(linux)).toBe(false)
    expect(hasDevTools({ ...linux, isPackaged: false })).toBe(true)
  })

  it('separates groups with single separators, never at the ends', () => {
    for (const options of [linux, mac, { ...mac, isPackaged: false }]) {
      for (const menu of menuTemplate(commands, options, noop)) {
        const items = Array.isArray(menu.submenu) ? menu.submenu : []
        const kinds = items.map((i) => (i.type === 'separator' ? '-' : 'x')).join('')
        expect(kinds, String(menu.label ?? menu.role)).not.toMatch(/^-|--|-$/)
      }
    }
  })

  it('starts a new group where a command asks for one', () => {
    const file = topMenu(menuTemplate(commands, linux, noop), 'File')
    const save = file.findIndex((i) => i.id === 'board.save')
    expect(file[save - 1]?.type).toBe('separator')
  })
})

describe('menuTemplate with the desktop parts', () => {
  const calls: string[] = []
  const desktop: DesktopMenu = {
    recent: [
      { path: '/boards/Walls.orgboard', name: 'Walls', folder: '/boards', missing: false },
      { path: '/usb/Gardens.orgboard', name: 'Gardens', folder: '/usb', missing: true }
    ],
    theme: 'dark',
    openRecent: (path) => void calls.push(`open ${path}`),
    clearRecent: () => void calls.push('clear'),
    setTheme: (theme) => void calls.push(`theme ${theme}`),
    showAbout: () => void calls.push('about'),
    showLogFile: () => void calls.push('log')
  }
  const click = (item: Item | undefined): void => item?.click?.({} as never, undefined, {} as never)

  it('puts Open Recent right below Open…, with missing boards greyed out and marked', () => {
    calls.length = 0
    const file = topMenu(menuTemplate(commands, linux, noop, desktop), 'File')
    const open = file.findIndex((i) => i.id === 'board.open')
    const recent = file[open + 1]
    expect(recent?.label).toBe('Open Recent')
    const items = submenu(recent)
    expect(items.map((i) => i.label ?? i.type)).toEqual(['Walls', 'Gardens (missing)', 'separator', 'Clear Menu'])
    expect(items.map((i) => i.enabled)).toEqual([true, false, undefined, true])
    click(items[0])
    click(items[3])
    expect(calls).toEqual(['open /boards/Walls.orgboard', 'clear'])
  })

  it('says so when there are no recent boards', () => {
    const items = submenu(itemFor(menuTemplate(commands, linux, noop, { ...desktop, recent: [] }), 'board.openRecent'))
    expect(items.map((i) => [i.label, i.enabled])).toEqual([
      ['No Recent Boards', false],
      [undefined, undefined],
      ['Clear Menu', false]
    ])
  })

  it('has New Window in File with Ctrl/Cmd+Shift+N', () => {
    const template = menuTemplate(commands, mac, noop, desktop)
    expect(itemFor(template, 'window.new')).toMatchObject({ label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N' })
    expect(topMenu(template, 'File')).toContain(itemFor(template, 'window.new'))
  })

  it('offers the theme in View, the current one checked', () => {
    calls.length = 0
    const template = menuTemplate(commands, linux, noop, desktop)
    const themes = ['theme.system', 'theme.light', 'theme.dark'].map((id) => itemFor(template, id))
    expect(themes.map((t) => [t.type, t.checked])).toEqual([
      ['radio', false],
      ['radio', false],
      ['radio', true]
    ])
    click(themes[1])
    expect(calls).toEqual(['theme light'])
  })

  it('shows our About dialog and the log file from Help; macOS keeps its native About panel', () => {
    calls.length = 0
    const linuxHelp = submenu(menuTemplate(commands, linux, noop, desktop).find((m) => m.role === 'help'))
    expect(linuxHelp.map((i) => i.label)).toEqual(['About Orgboard', 'Show Log File'])
    linuxHelp.forEach(click)
    expect(calls).toEqual(['about', 'log'])
    const macTemplate = menuTemplate(commands, mac, noop, desktop)
    expect(submenu(macTemplate.find((m) => m.role === 'help')).map((i) => i.id)).toEqual(['app.showLog'])
    expect(topMenu(macTemplate, 'Orgboard')[0]).toEqual({ role: 'about', label: 'About Orgboard' })
  })
})

describe('toAccelerator', () => {
  it('maps Mod and keeps everything else', () => {
    expect(toAccelerator('Mod+=')).toBe('CmdOrCtrl+=')
    expect(toAccelerator('Mod+-')).toBe('CmdOrCtrl+-')
    expect(toAccelerator('Mod++')).toBe('CmdOrCtrl+Plus')
    expect(toAccelerator('Shift+1')).toBe('Shift+1')
    expect(toAccelerator('F2')).toBe('F2')
    expect(toAccelerator('Shift+ArrowUp')).toBe('Shift+Up')
    expect(toAccelerator("Mod+'")).toBe("CmdOrCtrl+'")
  })
})

describe('isTypingKey', () => {
  it('is true for keys with no modifier but Shift', () => {
    expect(['N', 'Delete', 'Backspace', 'F2', 'Shift+1'].map(isTypingKey)).toEqual([true, true, true, true, true])
    expect(['Mod+S', 'Mod+Shift+Z', 'Alt+N', 'Ctrl+Shift+1'].map(isTypingKey)).toEqual([false, false, false, false])
  })
})
