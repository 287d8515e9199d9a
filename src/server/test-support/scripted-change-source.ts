import type { ChangeNote, ChangeSource, TakenChanges } from '../events/change-source';

/** A change source a test feeds by hand: what the database's triggers would have noted. */
export class ScriptedChangeSource implements ChangeSource {
  next: TakenChanges = { notes: [], lost: false };
  async take(): Promise<TakenChanges> {
    const taken = this.next;
    this.next = { notes: [], lost: false };
    return taken;
  }
  async close(): Promise<void> {}
}

/** What the triggers note of a device of workspace `default`. */
export const changeNote = (deviceId: number, activityOnly = false): ChangeNote => ({ workspaceId: 'default', deviceId, activityOnly });
