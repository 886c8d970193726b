import type { CommandSpec } from './commands'

/**
 * Commands for reading the map (findings, critical path, phases), laying it out,
 * and moving it in and out of other tools. Kept apart from commands.ts so parallel
 * work on the command list merges cleanly; commands.ts lists them in its menus.
 */
export const mapCommands: readonly CommandSpec[] = [
  { id: 'board.importCanvas', title: 'Import JSON Canvas…', menu: 'file', separatorBefore: true },
  { id: 'board.importCsv', title: 'Import Initiatives from CSV…', menu: 'file' },
  { id: 'board.exportMermaid', title: 'Export as Mermaid…', menu: 'file', separatorBefore: true },
  { id: 'board.copyMermaid', title: 'Copy as Mermaid', menu: 'file' },
  { id: 'board.exportCanvas', title: 'Export as JSON Canvas…', menu: 'file' },
  { id: 'arrange.autoLayout', title: 'Auto-layout', menu: 'arrange', keys: ['Mod+Shift+L'], separatorBefore: true },
  { id: 'arrange.tidySelection', title: 'Tidy Selection', menu: 'arrange' },
  { id: 'view.findings', title: 'Show Findings', menu: 'view', separatorBefore: true },
  { id: 'view.criticalPath', title: 'Show Critical Path', menu: 'view' },
  { id: 'view.phases', title: 'Show Phases', menu: 'view' }
]
