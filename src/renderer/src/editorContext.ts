import { createContext, useContext } from 'react'
import type { ActionContext } from './actions'

/** Gives components the store and what actions need; `flow` and `canvas` are filled in once mounted. */
export const EditorContext = createContext<ActionContext | null>(null)

export function useEditorContext(): ActionContext {
  const ctx = useContext(EditorContext)
  if (!ctx) throw new Error('useEditorContext outside <EditorContext.Provider>')
  return ctx
}
