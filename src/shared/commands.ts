import { cardKinds } from './kinds'

/**
 * The user actions, declared as data. The native menu (main), keyboard shortcuts,
 * toolbar and command palette (renderer) all read this list and dispatch by id;
 * what each action does lives in the renderer, keyed by the same id.
 */
export interface CommandSpec {
  id: string
  title: string
  /** Where it sits in the native menu. */
  menu: 'file' | 'edit' | 'insert' | 'view'
  /** Keys, e.g. "Mod+S" (Mod is Cmd on macOS, Ctrl elsewhere). The first one is shown. */
  keys?: readonly string[]
  /** Starts a new group in its menu. */
  separatorBefore?: boolean
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
  { id: 'board.open', title: 'Open…', menu: 'file', keys: ['Mod+O'] },
  { id: 'board.save', title: 'Save', menu: 'file', keys: ['Mod+S'], separatorBefore: true },
  { id: 'board.saveAs', title: 'Save As…', menu: 'file', keys: ['Mod+Shift+S'] },
  { id: 'board.versions', title: 'Restore a Previous Version…', menu: 'file', separatorBefore: true },
  { id: 'board.recover', title: 'Recover Unsaved Boards…', menu: 'file' },
  { id: 'edit.undo', title: 'Undo', menu: 'edit', keys: ['Mod+Z'] },
  { id: 'edit.redo', title: 'Redo', menu: 'edit', keys: ['Mod+Shift+Z', 'Mod+Y'] },
  { id: 'edit.rename', title: 'Rename', menu: 'edit', keys: ['F2'], separatorBefore: true },
  { id: 'edit.delete', title: 'Delete', menu: 'edit', keys: ['Delete', 'Backspace'] },
  { id: 'edit.selectAll', title: 'Select All', menu: 'edit', keys: ['Mod+A'] },
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
  { id: 'view.fit', title: 'Zoom to Fit', menu: 'view', keys: ['Shift+1'] }
]

export function commandById(id: string): CommandSpec | undefined {
  return commands.find((c) => c.id === id)
}

/** "Mod+Shift+S" → "Ctrl+Shift+S" or "⌘⇧S", for menus and tooltips. */
export function formatKeys(keys: string, mac: boolean): string {
  if (!mac) return keys.replace('Mod', 'Ctrl')
  const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' }
  return keys
    .split('+')
    .map((p) => symbols[p] ?? p)
    .join('')
}
