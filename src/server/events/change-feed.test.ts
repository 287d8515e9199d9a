import { afterEach, describe, expect, it } from 'vitest';
import { changeNote, ScriptedChangeSource } from '../test-support/scripted-change-source';
import { ChangeFeed, type WorkspaceChanges } from './change-feed';

const ACTIVITY_EVERY_POLLS = 3;

let feed: ChangeFeed | undefined;
afterEach(() => feed?.close());

/** A feed polled by hand, passing changes of activity alone on every third poll; and what its listener heard. */
async function heardFeed() {
  const source = new ScriptedChangeSource();
  feed = new ChangeFeed(source, (error) => {
    throw error;
  });
  await feed.start(0, ACTIVITY_EVERY_POLLS);
  const heard: WorkspaceChanges[] = [];
  feed.subscribe('default', { changed: (_eventId, changes) => heard.push(changes), lost: () => undefined });
  const poll = async (...notes: ReturnType<typeof changeNote>[]) => {
    source.next = { notes, lost: false };
    await feed!.poll();
  };
  return { feed, heard, poll };
}

describe('the change feed', () => {
  it('tells a change of state at once, and gathers changes of activity alone until every third poll', async () => {
    const { heard, poll } = await heardFeed();
    await poll(changeNote(1, true), changeNote(2));
    expect(heard).toEqual([{ ids: [2], activityOnly: new Set() }]);
    await poll(changeNote(3, true));
    expect(heard).toHaveLength(1);
    await poll(changeNote(1, true), changeNote(4, true));
    expect(heard[1]).toEqual({ ids: [1, 3, 4], activityOnly: new Set([1, 3, 4]) });
  });

  it('sends a held device whole when its state changes, and not again as activity alone', async () => {
    const { heard, poll } = await heardFeed();
    await poll(changeNote(1, true), changeNote(2, true));
    await poll(changeNote(1));
    expect(heard).toEqual([{ ids: [1], activityOnly: new Set() }]);
    await poll(changeNote(5));
    expect(heard[1]).toEqual({ ids: [5, 2], activityOnly: new Set([2]) });
  });

  it('owes a resumed reader the held changes only once they are told', async () => {
    const { feed, poll } = await heardFeed();
    const start = feed.eventId;
    await poll(changeNote(7));
    await poll(changeNote(8, true));
    expect(feed.changedSince(start, 'default')).toEqual([7]);
    await poll();
    expect(feed.changedSince(start, 'default')).toEqual([7, 8]);
  });
});
