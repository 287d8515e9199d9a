import { describe, expect, it } from 'vitest';
import { ACTIVITY_MINUTES, MINUTE_MS, withMinutes } from '@/web/api/connection-activity';

const T = 1_796_400_000_000;
const minute = (n: number, connected = 1, disconnected = 0) => ({ minute: T + n * MINUTE_MS, connected, disconnected });

describe('withMinutes', () => {
  it('replaces what the hour held of the stream’s minutes', () => {
    expect(withMinutes({ minutes: [minute(0), minute(1, 2, 1)] }, [minute(0, 5), minute(1, 3, 1)])).toEqual({ minutes: [minute(0, 5), minute(1, 3, 1)] });
  });

  it('adds a new minute in its place and lets minutes older than the hour before it go', () => {
    const hour = { minutes: Array.from({ length: ACTIVITY_MINUTES }, (_, i) => minute(i)) };
    const next = withMinutes(hour, [minute(ACTIVITY_MINUTES - 1, 2), minute(ACTIVITY_MINUTES, 5, 2)]);
    expect(next.minutes).toHaveLength(ACTIVITY_MINUTES);
    expect(next.minutes[0]).toEqual(minute(1));
    expect(next.minutes.slice(-2)).toEqual([minute(ACTIVITY_MINUTES - 1, 2), minute(ACTIVITY_MINUTES, 5, 2)]);
    // One that arrives late goes in order.
    expect(withMinutes({ minutes: [minute(1), minute(3)] }, [minute(2, 4)]).minutes.map((m) => m.connected)).toEqual([1, 4, 1]);
  });

  it('takes a whole hour told after a gap over an hour that is behind it', () => {
    const stale = { minutes: Array.from({ length: ACTIVITY_MINUTES }, (_, i) => minute(i)) };
    const told = Array.from({ length: ACTIVITY_MINUTES }, (_, i) => minute(i + 10, 2));
    expect(withMinutes(stale, told)).toEqual({ minutes: told });
  });
});
