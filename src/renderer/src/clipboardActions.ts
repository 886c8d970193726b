import { useEffect } from 'react'
import { snapPoint } from '../../shared/arrange'
import {
  fragmentBounds,
  fragmentOf,
  fragmentText,
  instantiateFragment,
  noteFromText,
  offsetToCenter,
  readClipboard,
  type BoardFragment
} from '../../shared/clipboard'
import { addItems, newId, removeItems } from '../../shared/edits'
import type { ActionContext } from './actions'
import { isTyping } from './platform'
import { GRID } from './prefs'

/**
 * Copy, cut, paste and duplicate of cards. Keys and the native Edit menu raise
 * the browser's own clipboard events, answered here with the system clipboard
 * as plain text (so cards travel between windows and Orgboard instances); the
 * command palette goes through navigator.clipboard instead.
 */

/** The selection as clipboard text, or null when no card is selected. */
export function selectionText(ctx: ActionContext): string | null {
  const fragment = fragmentOf(ctx.store.board, ctx.store.getState().selectedCards)
  return fragment ? fragmentText(fragment) : null
}

function deleteSelection(ctx: ActionContext, label: string): void {
  const { selectedCards, selectedRelations } = ctx.store.getState()
  ctx.store.change(label, (board) => removeItems(board, selectedCards, selectedRelations))
  ctx.store.select([])
}

/** The board point a paste is centred on: the pointer when a key pasted over the canvas, else the middle of the view. */
function pasteTarget(ctx: ActionContext, atPointer: boolean): { x: number; y: number } {
  const { flow, canvas, pointer } = ctx
  if (!flow) return { x: 0, y: 0 }
  if (atPointer && pointer) return flow.screenToFlowPosition(pointer)
  const rect = canvas?.getBoundingClientRect()
  if (!rect) return { x: 0, y: 0 }
  return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
}

/** The same text pasted again at the same spot steps aside, so copies do not hide each other. */
let lastPaste: { text: string; x: number; y: number; count: number } | null = null

function placeFragment(ctx: ActionContext, fragment: BoardFragment, offset: { dx: number; dy: number }, label: string): void {
  let { dx, dy } = offset
  if (ctx.store.getState().prefs.snapToGrid) {
    const b = fragmentBounds(fragment)
    const snapped = snapPoint({ x: b.x + dx, y: b.y + dy }, GRID)
    dx = snapped.x - b.x
    dy = snapped.y - b.y
  }
  const placed = instantiateFragment(fragment, { dx, dy }, newId)
  ctx.store.change(label, (board) => addItems(board, placed.cards, placed.relations))
  ctx.store.set({
    selectedCards: new Set(placed.cards.map((c) => c.id)),
    selectedRelations: new Set(placed.relations.map((r) => r.id)),
    editing: null
  })
}

/** Pastes clipboard text: Orgboard cards with fresh ids, or any other text as a note. */
export function pasteText(ctx: ActionContext, text: string, atPointer: boolean): void {
  const content = readClipboard(text)
  if (content.kind === 'empty') return
  if (content.kind === 'invalid') {
    ctx.store.set({ notice: { tone: 'error', text: content.message } })
    return
  }
  let target = pasteTarget(ctx, atPointer)
  const again = lastPaste && lastPaste.text === text && lastPaste.x === Math.round(target.x) && lastPaste.y === Math.round(target.y)
  const count = again && lastPaste ? lastPaste.count + 1 : 0
  lastPaste = { text, x: Math.round(target.x), y: Math.round(target.y), count }
  target = { x: target.x + count * GRID, y: target.y + count * GRID }

  if (content.kind === 'text') {
    const note = noteFromText(content.text, target)
    const fragment: BoardFragment = { format: 'orgboard-clipboard', version: 1, cards: [note], relations: [] }
    placeFragment(ctx, fragment, { dx: 0, dy: 0 }, 'Paste text')
    return
  }
  placeFragment(ctx, content.fragment, offsetToCenter(content.fragment, target), 'Paste')
}

/** Duplicates the selected cards (and the relations among them) one grid step down and right. */
export function duplicateSelection(ctx: ActionContext): void {
  const fragment = fragmentOf(ctx.store.board, ctx.store.getState().selectedCards)
  if (fragment) placeFragment(ctx, fragment, { dx: GRID, dy: GRID }, 'Duplicate')
}

/** Copy or Cut from the command palette: through the asynchronous clipboard API. */
export async function copyToSystemClipboard(ctx: ActionContext, cut: boolean): Promise<void> {
  const text = selectionText(ctx)
  if (!text) return
  await navigator.clipboard.writeText(text)
  if (cut) deleteSelection(ctx, 'Cut')
}

/** Paste from the command palette: reading the clipboard needs the clipboard-read permission. */
export async function pasteFromSystemClipboard(ctx: ActionContext): Promise<void> {
  pasteText(ctx, await navigator.clipboard.readText(), false)
}

/** Is this clipboard event for text (a field, or text the facilitator selected), not for cards? */
function isForText(e: ClipboardEvent): boolean {
  if (isTyping(e.target) || isTyping(document.activeElement)) return true
  // Text selected outside the canvas (a notice, a dialog) copies as text; stray selections on cards do not count.
  const selection = window.getSelection()
  const anchor = selection?.anchorNode
  const inCanvas = anchor instanceof Element ? anchor.closest('.react-flow') : anchor?.parentElement?.closest('.react-flow')
  return !!selection && !selection.isCollapsed && !inCanvas
}

/** Answers the browser's copy, cut and paste events for cards, and follows the pointer for pastes. */
export function useClipboardEvents(ctx: ActionContext): void {
  useEffect(() => {
    const onCopy = (e: ClipboardEvent): void => {
      if (isForText(e) || !e.clipboardData) return
      const text = selectionText(ctx)
      if (!text) return
      e.clipboardData.setData('text/plain', text)
      e.preventDefault()
      if (e.type === 'cut') deleteSelection(ctx, 'Cut')
    }
    const onPaste = (e: ClipboardEvent): void => {
      if (isForText(e) || !e.clipboardData) return
      e.preventDefault()
      pasteText(ctx, e.clipboardData.getData('text/plain'), true)
    }
    const onPointer = (e: PointerEvent): void => {
      ctx.pointer = e.target instanceof Element && e.target.closest('.react-flow__pane, .react-flow__node') ? { x: e.clientX, y: e.clientY } : null
    }
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCopy)
    document.addEventListener('paste', onPaste)
    window.addEventListener('pointermove', onPointer, { passive: true })
    return () => {
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCopy)
      document.removeEventListener('paste', onPaste)
      window.removeEventListener('pointermove', onPointer)
    }
  }, [ctx])
}
