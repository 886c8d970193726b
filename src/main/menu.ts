import type { BaseWindow, MenuItemConstructorOptions } from 'electron'
import type { RecentBoard } from '../shared/api'
import { commandMenus, formatKeys, type CommandSpec } from '../shared/commands'
import type { Theme } from './desktop/settings'

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

/** The parts of the menu that are the app's, not the board's: recent boards, theme, About, the log. */
export interface DesktopMenu {
  /** File > Open Recent, most recent first. */
  recent: readonly RecentBoard[]
  theme: Theme
  openRecent(path: string, window: BaseWindow | undefined): void
  clearRecent(): void
  setTheme(theme: Theme): void
  /** Windows and Linux: our About dialog (macOS has the native panel). */
  showAbout(): void
  /** Help > Show Log File: the log in the file manager, to attach to a bug report. */
  showLogFile(): void
}

type Item = MenuItemConstructorOptions

const separator: Item = { type: 'separator' }

export function menuTemplate(commands: readonly CommandSpec[], options: MenuOptions, send: SendCommand, desktop?: DesktopMenu): Item[] {
  const mac = options.platform === 'darwin'
  const groupsOf = (menu: CommandSpec['menu']): Item[][] =>
    commandGroups(commands.filter((c) => c.menu === menu)).map((group) =>
      group.flatMap((c) => {
        const item = commandItem(c, mac, send)
        // Open Recent goes right below Open….
        return c.id === 'board.open' && desktop ? [item, openRecentItem(desktop)] : [item]
      })
    )
  const [file, edit, arrange, insert, view, workshop] = commandMenus.map(({ menu }) => groupsOf(menu))
  const aboutLabel = `About ${options.appName}`
  const about: Item = desktop && !mac ? { id: 'app.about', label: aboutLabel, click: () => desktop.showAbout() } : { role: 'about', label: aboutLabel }
  const help: Item[] = [
    ...(mac ? [] : [about]),
    ...(desktop ? [{ id: 'app.showLog', label: 'Show Log File', click: () => desktop.showLogFile() } satisfies Item] : [])
  ]

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
    { label: 'Edit', submenu: joinGroups(edit ?? []) },
    { label: 'Arrange', submenu: joinGroups(arrange ?? []) },
    { label: 'Insert', submenu: joinGroups(insert ?? []) },
    {
      label: 'View',
      submenu: joinGroups([
        ...(view ?? []),
        desktop ? [themeItem(desktop)] : [],
        [{ role: 'togglefullscreen' }],
        options.isPackaged ? [] : [{ role: 'toggleDevTools' }]
      ])
    },
    { label: 'Workshop', submenu: joinGroups(workshop ?? []) },
    { role: 'windowMenu' },
    { role: 'help', submenu: help }
  ]
  return template
}

const themeLabels: Record<Theme, string> = { system: 'Use System Setting', light: 'Light', dark: 'Dark' }

function themeItem(desktop: DesktopMenu): Item {
  return {
    label: 'Theme',
    submenu: (Object.keys(themeLabels) as Theme[]).map((theme) => ({
      id: `theme.${theme}`,
      label: themeLabels[theme],
      type: 'radio',
      checked: desktop.theme === theme,
      click: () => desktop.setTheme(theme)
    }))
  }
}

/** Missing boards are listed (greyed, marked) so the facilitator sees what moved; Open Recent in the board removes them. */
function openRecentItem(desktop: DesktopMenu): Item {
  const boards: Item[] = desktop.recent.map((board) => ({
    label: board.missing ? `${board.name} (missing)` : board.name,
    sublabel: board.folder,
    toolTip: board.path,
    enabled: !board.missing,
    click: (_item, window) => desktop.openRecent(board.path, window)
  }))
  return {
    id: 'board.openRecent',
    label: 'Open Recent',
    submenu: joinGroups([
      boards.length ? boards : [{ label: 'No Recent Boards', enabled: false }],
      [{ id: 'recent.clear', label: 'Clear Menu', enabled: boards.length > 0, click: () => desktop.clearRecent() }]
    ])
  }
}

/** Electron's names for keys the command list names as the DOM does. */
const acceleratorKeys: Record<string, string> = { Mod: 'CmdOrCtrl', ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down' }

/** "Mod+Shift+S" → "CmdOrCtrl+Shift+S", "Shift+ArrowLeft" → "Shift+Left". */
export function toAccelerator(keys: string): string {
  const parts = keys.endsWith('++') ? [...keys.slice(0, -2).split('+'), 'Plus'] : keys.split('+')
  return parts.map((part) => acceleratorKeys[part] ?? part).join('+')
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

/** On a Mac, Option with a letter or symbol types a character ("å"), so such a key is typing too. */
function typesOnMac(keys: string): boolean {
  const modifiers = keys.split('+').slice(0, -1)
  return modifiers.includes('Alt') && modifiers.every((m) => m === 'Alt' || m === 'Shift')
}

function commandItem(command: CommandSpec, mac: boolean, send: SendCommand): Item {
  // The clipboard roles make Electron raise the page's own cut/copy/paste event, which
  // the renderer answers for cards and text fields answer for text.
  const item: Item = command.role
    ? { id: command.id, label: command.title, role: command.role }
    : { id: command.id, label: command.title, click: (_menuItem, window) => send(command.id, window) }
  const keys = command.keys?.[0]
  if (!keys) return item
  if (!isTypingKey(keys) && !(mac && typesOnMac(keys))) return { ...item, accelerator: toAccelerator(keys) }
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
