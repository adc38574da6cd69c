/**
 * The editor's save status as a state machine: what the status line shows
 * (`save.<state>` in the UI's texts) and the problem text after a failed save. The
 * autosave hook (`usePlanSave`) sends it events; every transition is here.
 */
export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'conflict' | 'invalid' | 'error'

export interface SaveStatus {
  readonly state: SaveState
  /** The server's words for the last failed save, shown after `invalid` or `error`. */
  readonly detail: string
}

export type SaveEvent =
  /** The document differs from the saved one; autosave is scheduled. */
  | { readonly type: 'edited' }
  /** The document fails the plan schema here, before anything is sent. */
  | { readonly type: 'invalid' }
  /** Nothing to send: the document is the saved one. */
  | { readonly type: 'unchanged' }
  | { readonly type: 'sending' }
  /** The server took the save; `editedSince`: the document changed while it was under way. */
  | { readonly type: 'sent'; readonly editedSince: boolean }
  /** The server has a newer version (409): the user chooses how to go on. */
  | { readonly type: 'conflict' }
  /** The save failed: `status` 400 is the document's fault, anything else is not. */
  | { readonly type: 'failed'; readonly status: number | null; readonly detail: string }
  /** A conflict resolved: taking theirs leaves nothing to save; merging or keeping mine must be saved. */
  | { readonly type: 'resolved'; readonly how: 'merge' | 'mine' | 'theirs' }
  /** A workflow step (submit, return, adopt…) replaced the plan with the server's. */
  | { readonly type: 'replaced' }

export const INITIAL_SAVE_STATUS: SaveStatus = { state: 'idle', detail: '' }

const to = (status: SaveStatus, state: SaveState): SaveStatus => (status.state === state ? status : { ...status, state })

export function saveReducer(status: SaveStatus, event: SaveEvent): SaveStatus {
  switch (event.type) {
    case 'edited':
      // A save under way stays "saving"; it sees the newer document when it returns.
      return status.state === 'saving' ? status : to(status, 'dirty')
    case 'invalid':
      return to(status, 'invalid')
    case 'unchanged':
      return to(status, 'saved')
    case 'sending':
      return to(status, 'saving')
    case 'sent':
      return to(status, event.editedSince ? 'dirty' : 'saved')
    case 'conflict':
      return to(status, 'conflict')
    case 'failed':
      return { state: event.status === 400 ? 'invalid' : 'error', detail: event.detail }
    case 'resolved':
      return to(status, event.how === 'theirs' ? 'saved' : 'dirty')
    case 'replaced':
      return to(status, 'idle')
  }
}

/** While a change is unsaved, being saved or waiting for the user, a workflow step or follow-up save must wait. */
export const saveIsBusy = (state: SaveState): boolean =>
  state === 'dirty' || state === 'saving' || state === 'conflict' || state === 'invalid'
