import { describe, expect, it } from 'vitest'
import {
  INITIAL_SAVE_STATUS,
  saveIsBusy,
  saveReducer,
  type SaveEvent,
  type SaveState,
  type SaveStatus,
} from '../ui/src/pages/editor/save-state.js'

/** The editor's save status after `events`, from `from`. */
const after = (from: SaveState, ...events: SaveEvent[]): SaveStatus => events.reduce(saveReducer, { ...INITIAL_SAVE_STATUS, state: from })

describe('the editor’s save state machine', () => {
  it('an edit makes the plan dirty, a save goes through saving to saved', () => {
    expect(INITIAL_SAVE_STATUS).toEqual({ state: 'idle', detail: '' })
    expect(after('idle', { type: 'edited' }).state).toBe('dirty')
    expect(after('dirty', { type: 'sending' }).state).toBe('saving')
    expect(after('saving', { type: 'sent', editedSince: false }).state).toBe('saved')
    expect(after('idle', { type: 'edited' }, { type: 'sending' }, { type: 'sent', editedSince: false })).toEqual({
      state: 'saved',
      detail: '',
    })
  })

  it('an edit during a save leaves it saving; the document changed meanwhile is dirty when the save returns', () => {
    expect(after('saving', { type: 'edited' }).state).toBe('saving')
    expect(after('saving', { type: 'edited' }, { type: 'sent', editedSince: true }).state).toBe('dirty')
  })

  it('nothing to send is saved; a document that fails the schema here is invalid before anything is sent', () => {
    expect(after('dirty', { type: 'unchanged' }).state).toBe('saved')
    expect(after('dirty', { type: 'invalid' }).state).toBe('invalid')
    expect(after('invalid', { type: 'edited' }).state).toBe('dirty')
  })

  it('a refused save: 400 is invalid, anything else (or no answer) an error, each with the server’s words', () => {
    expect(after('saving', { type: 'failed', status: 400, detail: 'Rubrik: får inte vara tomt' })).toEqual({
      state: 'invalid',
      detail: 'Rubrik: får inte vara tomt',
    })
    expect(after('saving', { type: 'failed', status: 500, detail: 'Servern kunde inte slutföra begäran.' })).toEqual({
      state: 'error',
      detail: 'Servern kunde inte slutföra begäran.',
    })
    expect(after('saving', { type: 'failed', status: null, detail: 'Ingen kontakt med servern.' }).state).toBe('error')
    // The next failure replaces the words.
    expect(
      after(
        'saving',
        { type: 'failed', status: 500, detail: 'first' },
        { type: 'sending' },
        { type: 'failed', status: 400, detail: 'second' },
      ),
    ).toEqual({ state: 'invalid', detail: 'second' })
  })

  it('a conflict waits for the user: using theirs leaves nothing to save, merging or keeping mine must be saved', () => {
    expect(after('saving', { type: 'conflict' }).state).toBe('conflict')
    expect(after('conflict', { type: 'resolved', how: 'theirs' }).state).toBe('saved')
    expect(after('conflict', { type: 'resolved', how: 'merge' }).state).toBe('dirty')
    expect(after('conflict', { type: 'resolved', how: 'mine' }).state).toBe('dirty')
  })

  it('a workflow step that replaced the plan is idle again', () => {
    for (const from of ['saved', 'dirty', 'error'] as const) expect(after(from, { type: 'replaced' }).state).toBe('idle')
  })

  it('an unchanged state is the same object (no re-render)', () => {
    const saved: SaveStatus = { state: 'saved', detail: '' }
    expect(saveReducer(saved, { type: 'unchanged' })).toBe(saved)
  })

  it('workflow steps and follow-up saves wait while a change is unsaved, being saved or waiting for the user', () => {
    const states: SaveState[] = ['idle', 'dirty', 'saving', 'saved', 'conflict', 'invalid', 'error']
    expect(states.filter(saveIsBusy)).toEqual(['dirty', 'saving', 'conflict', 'invalid'])
  })
})
