import { align, distribute, nudgeDelta, translate, type AlignEdge, type Axis, type Direction } from '../../shared/arrange'
import type { Card } from '../../shared/board'
import { moveCardsIntoPlace } from '../../shared/edits'
import { boundsOf } from '../../shared/geometry'
import type { ActionContext, ActionImpl } from './actions'
import { copyToSystemClipboard, duplicateSelection, pasteFromSystemClipboard } from './clipboardActions'
import { GRID, savePrefs, type Prefs, type ThemeChoice } from './prefs'
import type { Overlay } from './state/editorStore'

/**
 * The editing tools of issue 3 (clipboard, duplicate, arrange, nudge, zoom,
 * snap, themes, find, palette, shortcut sheet), keyed by command id like every
 * other action; actions.ts merges them in.
 */

function selectedCards(ctx: ActionContext): Card[] {
  const ids = ctx.store.getState().selectedCards
  return ctx.store.board.cards.filter((c) => ids.has(c.id))
}

const atLeast =
  (n: number) =>
  ({ store }: ActionContext): boolean =>
    store.getState().selectedCards.size >= n

function alignAction(edge: AlignEdge, label: string): ActionImpl {
  return {
    run: (ctx) => ctx.store.change(label, (board) => moveCardsIntoPlace(board, align(selectedCards(ctx), edge))),
    isEnabled: atLeast(2)
  }
}

function distributeAction(axis: Axis, label: string): ActionImpl {
  return {
    run: (ctx) => ctx.store.change(label, (board) => moveCardsIntoPlace(board, distribute(selectedCards(ctx), axis))),
    isEnabled: atLeast(3)
  }
}

/** Counts key presses: the repeats of one held-down arrow key merge into that press's undo step. */
let nudgePress = 0

function nudgeAction(direction: Direction, large: boolean): ActionImpl {
  return {
    run: (ctx, trigger) => {
      if (!trigger?.repeat) nudgePress++
      const cards = selectedCards(ctx)
      const bounds = boundsOf(cards)
      if (!bounds) return
      const grid = large && ctx.store.getState().prefs.snapToGrid ? GRID : undefined
      const delta = nudgeDelta(bounds, direction, large ? 10 : 1, grid)
      ctx.store.change('Nudge', (board) => moveCardsIntoPlace(board, translate(cards, delta)), `nudge:${nudgePress}`)
    },
    isEnabled: atLeast(1)
  }
}

function setPrefs(ctx: ActionContext, patch: Partial<Prefs>): void {
  const prefs = { ...ctx.store.getState().prefs, ...patch }
  ctx.store.set({ prefs })
  savePrefs(window.localStorage, prefs)
}

function themeAction(theme: ThemeChoice): ActionImpl {
  return { run: (ctx) => setPrefs(ctx, { theme }), isChecked: (ctx) => ctx.store.getState().prefs.theme === theme }
}

export const FIND_INPUT_ID = 'find-input'

function openOverlay(overlay: Overlay): ActionImpl {
  return {
    run: ({ store }) => {
      if (overlay === 'find' && store.getState().overlay === 'find') {
        // Already open: Mod+F again goes back to the search text, ready to retype.
        const input = document.getElementById(FIND_INPUT_ID)
        if (input instanceof HTMLInputElement) {
          input.focus()
          input.select()
        }
        return
      }
      store.set({ overlay: store.getState().overlay === overlay && overlay !== 'find' ? null : overlay })
    }
  }
}

export const editingActions: Record<string, ActionImpl> = {
  'edit.cut': { run: (ctx) => copyToSystemClipboard(ctx, true), isEnabled: atLeast(1) },
  'edit.copy': { run: (ctx) => copyToSystemClipboard(ctx, false), isEnabled: atLeast(1) },
  'edit.paste': { run: pasteFromSystemClipboard },
  'edit.duplicate': { run: duplicateSelection, isEnabled: atLeast(1) },
  'edit.find': openOverlay('find'),
  'arrange.alignLeft': alignAction('left', 'Align left'),
  'arrange.alignCentre': alignAction('centre', 'Align centres'),
  'arrange.alignRight': alignAction('right', 'Align right'),
  'arrange.alignTop': alignAction('top', 'Align top'),
  'arrange.alignMiddle': alignAction('middle', 'Align middles'),
  'arrange.alignBottom': alignAction('bottom', 'Align bottom'),
  'arrange.distributeHorizontally': distributeAction('horizontal', 'Distribute horizontally'),
  'arrange.distributeVertically': distributeAction('vertical', 'Distribute vertically'),
  'arrange.nudgeLeft': nudgeAction('left', false),
  'arrange.nudgeRight': nudgeAction('right', false),
  'arrange.nudgeUp': nudgeAction('up', false),
  'arrange.nudgeDown': nudgeAction('down', false),
  'arrange.nudgeLeftMore': nudgeAction('left', true),
  'arrange.nudgeRightMore': nudgeAction('right', true),
  'arrange.nudgeUpMore': nudgeAction('up', true),
  'arrange.nudgeDownMore': nudgeAction('down', true),
  'view.zoomToSelection': {
    run: ({ flow, store }) =>
      flow?.fitView({ nodes: [...store.getState().selectedCards].map((id) => ({ id })), duration: 200, padding: 0.2, maxZoom: 2 }),
    isEnabled: atLeast(1)
  },
  'view.zoom100': { run: ({ flow }) => flow?.zoomTo(1, { duration: 150 }) },
  'view.snapToGrid': {
    run: (ctx) => setPrefs(ctx, { snapToGrid: !ctx.store.getState().prefs.snapToGrid }),
    isChecked: (ctx) => ctx.store.getState().prefs.snapToGrid
  },
  'view.themeSystem': themeAction('system'),
  'view.themeLight': themeAction('light'),
  'view.themeDark': themeAction('dark'),
  'view.commandPalette': openOverlay('palette'),
  'view.shortcuts': openOverlay('shortcuts')
}

/** Selects a card and brings it to the middle of the view, keeping the zoom within a readable range. */
export function jumpToCard(ctx: ActionContext, id: string): void {
  const card = ctx.store.board.cards.find((c) => c.id === id)
  if (!card) return
  ctx.store.select([id])
  const zoom = Math.min(1.5, Math.max(0.75, ctx.flow?.getZoom() ?? 1))
  void ctx.flow?.setCenter(card.x + card.width / 2, card.y + card.height / 2, { zoom, duration: 200 })
}
