import { describe, expect, it } from 'vitest';
import { connectionChanged, forceOffline, type ConnectionState } from './force-offline';

describe('forceOffline (004)', () => {
  const cases: Array<[string, ConnectionState, ConnectionState]> = [
    ['a connected online device goes offline', { connected: 1, online_status: 1 }, { connected: 0, online_status: 2 }],
    ['a connected device shown offline is disconnected', { connected: 1, online_status: 2 }, { connected: 0, online_status: 2 }],
    ['a connected device shown inactive is disconnected and shown offline', { connected: 1, online_status: 0 }, { connected: 0, online_status: 2 }],
    ['an unconnected device displayed online is shown offline', { connected: 0, online_status: 1 }, { connected: 0, online_status: 2 }],
    ['an offline device stays offline', { connected: 0, online_status: 2 }, { connected: 0, online_status: 2 }],
    ['an inactive device stays inactive', { connected: 0, online_status: 0 }, { connected: 0, online_status: 0 }],
  ];

  it.each(cases)('%s', (_name, before, after) => {
    expect(forceOffline(before)).toEqual(after);
  });

  it('never leaves a device connected', () => {
    for (const [, before] of cases) expect(forceOffline(before).connected).toBe(0);
  });

  it('reports a change only where there is one', () => {
    expect(connectionChanged({ connected: 1, online_status: 1 }, forceOffline({ connected: 1, online_status: 1 }))).toBe(true);
    expect(connectionChanged({ connected: 0, online_status: 1 }, forceOffline({ connected: 0, online_status: 1 }))).toBe(true);
    expect(connectionChanged({ connected: 0, online_status: 2 }, forceOffline({ connected: 0, online_status: 2 }))).toBe(false);
    expect(connectionChanged({ connected: 0, online_status: 0 }, forceOffline({ connected: 0, online_status: 0 }))).toBe(false);
  });

  it('does not mutate its input', () => {
    const before: ConnectionState = { connected: 1, online_status: 1 };
    forceOffline(before);
    expect(before).toEqual({ connected: 1, online_status: 1 });
  });
});
