import { cardKinds } from './kinds'
import { mapCommands } from './mapCommands'

/**
 * The user actions, declared as data. The native menu (main), keyboard shortcuts,
 * toolbar and command palette (renderer) all read this list and dispatch by id;
 * what each action does lives in the renderer, keyed by the same id.
 */
export interface CommandSpec {
  id: string
  title: string
  /** Where it sits in the native menu. */
  menu: 'file' | 'edit' | 'arrange' | 'insert' | 'view' | 'workshop'
  /** Keys, e.g. "Mod+S" (Mod is Cmd on macOS, Ctrl elsewhere). The first one is shown. */
  keys?: readonly string[]
  /** Starts a new group in its menu. */
  separatorBefore?: boolean
  /**
   * A clipboard command: its keys and native menu item raise the browser's own
   * cut/copy/paste event (so text fields keep theirs, and cards travel through
   * the system clipboard); the renderer answers that event.
   */
  role?: 'cut' | 'copy' | 'paste'
  /** Holding the key down runs it again (nudges). */
  repeat?: boolean
}

const insertKeys: Record<string, string> = {
  note: 'N',
  freightTrain: 'T',
  seedling: 'S',
  garden: 'G',
  wall: 'W',
  blankPage: 'B',
  initiative: 'I',
  team: 'M',
  frame: 'F'
}

export const commands: readonly CommandSpec[] = [
  { id: 'board.new', title: 'New Board', menu: 'file', keys: ['Mod+N'] },
  { id: 'window.new', title: 'New Window', menu: 'file', keys: ['Mod+Shift+N'] },
  { id: 'board.open', title: 'Open…', menu: 'file', keys: ['Mod+O'] },
  { id: 'board.save', title: 'Save', menu: 'file', keys: ['Mod+S'], separatorBefore: true },
  { id: 'board.saveAs', title: 'Save As…', menu: 'file', keys: ['Mod+Shift+S'] },
  { id: 'board.versions', title: 'Restore a Previous Version…', menu: 'file', separatorBefore: true },
  { id: 'board.recover', title: 'Recover Unsaved Boards…', menu: 'file' },
  { id: 'board.export', title: 'Export…', menu: 'file', keys: ['Mod+Shift+E'], separatorBefore: true },
  { id: 'board.copyPng', title: 'Copy as PNG', menu: 'file', keys: ['Mod+Shift+C'] },
  { id: 'edit.undo', title: 'Undo', menu: 'edit', keys: ['Mod+Z'] },
  { id: 'edit.redo', title: 'Redo', menu: 'edit', keys: ['Mod+Shift+Z', 'Mod+Y'] },
  { id: 'edit.cut', title: 'Cut', menu: 'edit', keys: ['Mod+X'], role: 'cut', separatorBefore: true },
  { id: 'edit.copy', title: 'Copy', menu: 'edit', keys: ['Mod+C'], role: 'copy' },
  { id: 'edit.paste', title: 'Paste', menu: 'edit', keys: ['Mod+V'], role: 'paste' },
  { id: 'edit.duplicate', title: 'Duplicate', menu: 'edit', keys: ['Mod+D'] },
  { id: 'edit.rename', title: 'Rename', menu: 'edit', keys: ['F2'], separatorBefore: true },
  { id: 'edit.delete', title: 'Delete', menu: 'edit', keys: ['Delete', 'Backspace'] },
  { id: 'edit.connect', title: 'Connect Selected Cards', menu: 'edit', keys: ['L'] },
  { id: 'edit.selectAll', title: 'Select All', menu: 'edit', keys: ['Mod+A'] },
  { id: 'edit.selectNone', title: 'Select None', menu: 'edit', keys: ['Escape'] },
  { id: 'edit.find', title: 'Find…', menu: 'edit', keys: ['Mod+F'], separatorBefore: true },
  { id: 'arrange.alignLeft', title: 'Align Left', menu: 'arrange', keys: ['Alt+A'] },
  { id: 'arrange.alignCentre', title: 'Align Centres', menu: 'arrange', keys: ['Alt+H'] },
  { id: 'arrange.alignRight', title: 'Align Right', menu: 'arrange', keys: ['Alt+D'] },
  { id: 'arrange.alignTop', title: 'Align Top', menu: 'arrange', keys: ['Alt+W'], separatorBefore: true },
  { id: 'arrange.alignMiddle', title: 'Align Middles', menu: 'arrange', keys: ['Alt+V'] },
  { id: 'arrange.alignBottom', title: 'Align Bottom', menu: 'arrange', keys: ['Alt+S'] },
  { id: 'arrange.distributeHorizontally', title: 'Distribute Horizontally', menu: 'arrange', keys: ['Alt+Shift+H'], separatorBefore: true },
  { id: 'arrange.distributeVertically', title: 'Distribute Vertically', menu: 'arrange', keys: ['Alt+Shift+V'] },
  ...nudgeCommands(),
  ...cardKinds.map(
    (k, i): CommandSpec => ({
      id: `insert.${k.id}`,
      title: k.label,
      menu: 'insert',
      keys: [insertKeys[k.id] ?? ''].filter(Boolean),
      separatorBefore: i === cardKinds.length - 2
    })
  ),
  { id: 'view.zoomIn', title: 'Zoom In', menu: 'view', keys: ['Mod+='] },
  { id: 'view.zoomOut', title: 'Zoom Out', menu: 'view', keys: ['Mod+-'] },
  { id: 'view.fit', title: 'Zoom to Fit', menu: 'view', keys: ['Shift+1'] },
  { id: 'view.zoomToSelection', title: 'Zoom to Selection', menu: 'view', keys: ['Shift+2'] },
  { id: 'view.zoom100', title: 'Zoom to 100%', menu: 'view', keys: ['Shift+0'] },
  { id: 'view.snapToGrid', title: 'Snap to Grid', menu: 'view', keys: ["Mod+'"], separatorBefore: true },
  { id: 'view.themeSystem', title: 'Theme: Follow System', menu: 'view', separatorBefore: true },
  { id: 'view.themeLight', title: 'Theme: Light', menu: 'view' },
  { id: 'view.themeDark', title: 'Theme: Dark', menu: 'view' },
  { id: 'view.commandPalette', title: 'Command Palette…', menu: 'view', keys: ['Mod+K'], separatorBefore: true },
  { id: 'view.shortcuts', title: 'Keyboard Shortcuts', menu: 'view', keys: ['?'] },
  ...workshopCommands(),
  ...mapCommands
]

/** Arrow keys move the selected cards: 1 unit, or with Shift a large step (10 units, or to the next grid line). */
function nudgeCommands(): CommandSpec[] {
  const directions = [
    ['Left', 'ArrowLeft'],
    ['Right', 'ArrowRight'],
    ['Up', 'ArrowUp'],
    ['Down', 'ArrowDown']
  ] as const
  return [
    ...directions.map(
      ([name, key], i): CommandSpec => ({ id: `arrange.nudge${name}`, title: `Nudge ${name}`, menu: 'arrange', keys: [key], repeat: true, separatorBefore: i === 0 })
    ),
    ...directions.map(
      ([name, key]): CommandSpec => ({ id: `arrange.nudge${name}More`, title: `Nudge ${name} (Large Step)`, menu: 'arrange', keys: [`Shift+${key}`], repeat: true })
    )
  ]
}

/** The menus in the order the menu bar, shortcut sheet and command palette show them. */
export const commandMenus = [
  { menu: 'file', label: 'File' },
  { menu: 'edit', label: 'Edit' },
  { menu: 'arrange', label: 'Arrange' },
  { menu: 'insert', label: 'Insert' },
  { menu: 'view', label: 'View' },
  { menu: 'workshop', label: 'Workshop' }
] as const satisfies readonly { menu: CommandSpec['menu']; label: string }[]


/** Running the session: timer, dot voting, presenting, checkpoints (see renderer facilitation/). */
function workshopCommands(): CommandSpec[] {
  return [
    { id: 'workshop.timer', title: 'Show Timer', menu: 'workshop', keys: ['Mod+Shift+T'] },
    { id: 'workshop.timerPause', title: 'Start or Pause Timer', menu: 'workshop' },
    { id: 'workshop.timerAddMinute', title: 'Add a Minute', menu: 'workshop' },
    { id: 'workshop.timerReset', title: 'Reset Timer', menu: 'workshop' },
    { id: 'workshop.voting', title: 'Dot Voting…', menu: 'workshop', separatorBefore: true },
    { id: 'workshop.nextVoter', title: 'Next Voter', menu: 'workshop' },
    { id: 'workshop.revealVotes', title: 'Reveal Votes', menu: 'workshop' },
    { id: 'workshop.present', title: 'Present', menu: 'workshop', keys: ['F5'], separatorBefore: true },
    { id: 'workshop.checkpoint', title: 'Save Checkpoint…', menu: 'workshop', separatorBefore: true },
    { id: 'workshop.compare', title: 'Compare Checkpoints', menu: 'workshop' }
  ]
}

export function commandById(id: string): CommandSpec | undefined {
  return commands.find((c) => c.id === id)
}

const arrows: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' }

/** "Mod+Shift+S" → "Ctrl+Shift+S" or "⌘⇧S", for menus and tooltips. */
export function formatKeys(keys: string, mac: boolean): string {
  const parts = keys.endsWith('++') ? [...keys.slice(0, -2).split('+'), '+'] : keys.split('+')
  const symbols: Record<string, string> = mac ? { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃', ...arrows } : { Mod: 'Ctrl', ...arrows }
  return parts.map((p) => symbols[p] ?? p).join(mac ? '' : '+')
}
