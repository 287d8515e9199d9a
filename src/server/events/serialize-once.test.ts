import { describe, expect, it } from 'vitest';
import { serializeOnce } from './serialize-once';

describe('serializeOnce', () => {
  it('writes an object once and answers the same JSON for it after, however many streams send it', () => {
    const serialize = serializeOnce();
    const event = { changes: [{ id: 1, last_active_time: 5 }] };
    expect(serialize(event)).toBe('{"changes":[{"id":1,"last_active_time":5}]}');
    // Shared events are not changed once sent; if one were, its first JSON is what every stream gets.
    event.changes.push({ id: 2, last_active_time: 6 });
    expect(serialize(event)).toBe('{"changes":[{"id":1,"last_active_time":5}]}');
  });

  it('writes each object of its own, and values that are not objects, as JSON', () => {
    const serialize = serializeOnce();
    expect(serialize({ reason: 'reader too slow' })).toBe('{"reason":"reader too slow"}');
    expect(serialize({ reason: 'changes missed' })).toBe('{"reason":"changes missed"}');
    expect(serialize('text')).toBe('"text"');
    expect(serialize(null)).toBe('null');
  });
});
