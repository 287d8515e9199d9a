/** Why a session ended or a CONNECT was refused, as the connection history records it (DESIGN.md "Live devices"). */
export const END_REASONS = {
  deviceClosed: 'device closed',
  keepAliveTimeout: 'keep-alive timeout',
  connectionLost: 'connection lost',
  forcedOffline: 'forced offline by a user',
  frozen: 'frozen',
  disabled: 'disabled',
  keyReplaced: 'key replaced',
  superseded: 'superseded',
  serviceStopped: 'service stopped',
} as const;
export type EndReason = (typeof END_REASONS)[keyof typeof END_REASONS];

export const REFUSAL_REASONS = {
  credentials: 'refused: credentials',
  frozen: 'refused: frozen',
  disabled: 'refused: disabled',
  subDevice: 'refused: sub-device',
} as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[keyof typeof REFUSAL_REASONS];

/** Written for every device still marked connected when the service starts: no session survived the stop. */
export const RESTART_REASON = 'service restarted';
/** Written by the other replicas for every device a replica that stopped answering still showed connected. */
export const REPLICA_GONE_REASON = 'replica gone';
