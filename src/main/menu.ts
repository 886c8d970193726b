import type { BaseWindow, MenuItemConstructorOptions } from 'electron'
import { formatKeys, type CommandSpec } from '../shared/commands'

/**
 * The native menu as a template, built from the command list in src/shared.
 * Pure: it only imports Electron's types, so Vitest checks its shape and
 * index.ts hands it to Menu.buildFromTemplate.
 */

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Packaged builds have no developer tools entry. */
  isPackaged: boolean
  /** Shown in the macOS application menu and the About item. */
  appName: string
}

/** Runs a command in a window's renderer; `window` is the one the menu belongs to, if Electron knows it. */
export type SendCommand = (commandId: string, window: BaseWindow | undefined) => void

type Item = MenuItemConstructorOptions

const commandMenus = [
  { menu: 'file', label: 'File' },
  { menu: 'edit', label: 'Edit' },
  { menu: 'insert', label: 'Insert' },
  { menu: 'view', label: 'View' },
  { menu: 'workshop', label: 'Workshop' }
] as const satisfies readonly { menu: CommandSpec['menu']; label: string }[]

const separator: Item = { type: 'separator' }

export function menuTemplate(commands: readonly CommandSpec[], options: MenuOptions, send: SendCommand): Item[] {
  const mac = options.platform === 'darwin'
  const groupsOf = (menu: CommandSpec['menu']): Item[][] =>
    commandGroups(commands.filter((c) => c.menu === menu)).map((group) => group.map((c) => commandItem(c, mac, send)))
  const [file, edit, insert, view, workshop] = commandMenus.map(({ menu }) => groupsOf(menu))
  const [firstEdit = [], ...otherEdit] = edit ?? []
  const about: Item = { role: 'about', label: `About ${options.appName}` }

  const template: Item[] = [
    ...(mac
      ? [
          {
            label: options.appName,
            submenu: joinGroups([
              [about],
              [{ role: 'services' }],
              [{ role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }],
              [{ role: 'quit' }]
            ])
          } satisfies Item
        ]
      : []),
    {
      label: 'File',
      submenu: joinGroups([...(file ?? []), [{ role: 'close', label: 'Close Window' }], mac ? [] : [{ role: 'quit' }]])
    },
    {
      label: 'Edit',
      // The clipboard roles keep Cut/Copy/Paste working in text fields (on macOS they only work through the menu).
      submenu: joinGroups([firstEdit, [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }], ...otherEdit])
    },
    { label: 'Insert', submenu: joinGroups(insert ?? []) },
    {
      label: 'View',
      submenu: joinGroups([
        ...(view ?? []),
        [{ role: 'togglefullscreen' }],
        options.isPackaged ? [] : [{ role: 'toggleDevTools' }]
      ])
    },
    { label: 'Workshop', submenu: joinGroups(workshop ?? []) },
    { role: 'windowMenu' },
    { role: 'help', submenu: mac ? [] : [about] }
  ]
  return template
}

/** "Mod+Shift+S" → "CmdOrCtrl+Shift+S". */
export function toAccelerator(keys: string): string {
  const parts = keys.endsWith('++') ? [...keys.slice(0, -2).split('+'), 'Plus'] : keys.split('+')
  return parts.map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part)).join('+')
}

/**
 * A key that text input produces by itself ("N", "Shift+1" is "!", "Delete", "F2"):
 * nothing but Shift with it. The menu must not claim such keys, or typing in a
 * text field would run commands; the renderer handles them, with its typing guard.
 */
export function isTypingKey(keys: string): boolean {
  const modifiers = keys.split('+').slice(0, -1)
  return !modifiers.some((m) => ['Mod', 'Ctrl', 'Control', 'Alt', 'Option', 'Cmd', 'Command', 'Meta', 'Super'].includes(m))
}

function commandItem(command: CommandSpec, mac: boolean, send: SendCommand): Item {
  const item: Item = {
    id: command.id,
    label: command.title,
    click: (_menuItem, window) => send(command.id, window)
  }
  const keys = command.keys?.[0]
  if (!keys) return item
  if (!isTypingKey(keys)) return { ...item, accelerator: toAccelerator(keys) }
  // Windows and Linux can show a key without registering it. macOS cannot
  // (registerAccelerator is ignored there), so it gets the key as a tooltip only.
  return mac
    ? { ...item, toolTip: `Shortcut: ${formatKeys(keys, true)}` }
    : { ...item, accelerator: toAccelerator(keys), registerAccelerator: false }
}

/** Splits a menu's commands where `separatorBefore` starts a new group. */
function commandGroups(commands: readonly CommandSpec[]): CommandSpec[][] {
  const groups: CommandSpec[][] = []
  for (const command of commands) {
    const last = groups[groups.length - 1]
    if (!last || command.separatorBefore) groups.push([command])
    else last.push(command)
  }
  return groups
}

/** Non-empty groups, with one separator between each. */
function joinGroups(groups: readonly Item[][]): Item[] {
  return groups.filter((g) => g.length > 0).flatMap((g, i) => (i === 0 ? g : [separator, ...g]))
}
