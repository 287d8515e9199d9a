import type { Flag } from '../db/schema';

/** The part of a device that a forced disconnection can change. */
export interface ConnectionState {
  connected: Flag;
  /** 001: 0 inactive, 1 online, 2 offline. */
  online_status: number;
}

/**
 * 004: the live connection ends and the device shows offline. A device that never connected
 * (inactive) and has no connection stays inactive: forcing it offline must not invent a history.
 * Returns the state unchanged when there is nothing to end, so callers write only what changed.
 */
export function forceOffline(state: ConnectionState): ConnectionState {
  if (state.connected === 0 && state.online_status !== 1) return state;
  return { connected: 0, online_status: 2 };
}

export const connectionChanged = (before: ConnectionState, after: ConnectionState): boolean =>
  before.connected !== after.connected || before.online_status !== after.online_status;
