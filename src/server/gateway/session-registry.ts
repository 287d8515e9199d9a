import type { Client } from 'aedes';
import type { EndReason } from './end-reasons';

export interface Session {
  deviceId: number;
  iotdaId: string;
  client: Client;
  clientIp: string | null;
  keepAliveSeconds: number;
  /** Set by whoever ends the session on purpose, before the socket closes. */
  endReason?: EndReason;
  /** Its end is recorded: aedes' disconnect event and the socket's close may both report it. */
  ended?: boolean;
}

/**
 * The live sessions of this process, one per device. Operations end a device's session through
 * it; a CONNECT that was being checked while an operation ended the device's sessions is checked
 * again (the revocation fence), so it cannot slip in with the state read before the operation.
 */
export class SessionRegistry {
  readonly #byDevice = new Map<number, Session>();
  readonly #byClient = new WeakMap<Client, Session>();
  readonly #revokedAt = new Map<number, number>();
  #revocations = 0;

  get size(): number {
    return this.#byDevice.size;
  }

  /** Taken before a CONNECT reads the device, and given back to `revokedSince` after. */
  ticket(): number {
    return this.#revocations;
  }

  revokedSince(deviceId: number, ticket: number): boolean {
    return (this.#revokedAt.get(deviceId) ?? -1) > ticket;
  }

  /** Makes the session the device's current one; returns the session it supersedes. */
  admit(session: Session): Session | undefined {
    const previous = this.#byDevice.get(session.deviceId);
    this.#byDevice.set(session.deviceId, session);
    this.#byClient.set(session.client, session);
    return previous;
  }

  sessionOf(client: Client): Session | undefined {
    return this.#byClient.get(client);
  }

  /** Forgets a session whose socket closed; whether it was the device's current one. */
  release(session: Session): boolean {
    if (this.#byDevice.get(session.deviceId) !== session) return false;
    this.#byDevice.delete(session.deviceId);
    return true;
  }

  isLive(deviceId: number): boolean {
    return this.#byDevice.has(deviceId);
  }

  /**
   * Ends the devices' sessions and resolves once every socket is closed. Fences CONNECTs in
   * flight for those devices even where none is live. Resolves with the ids that had a session.
   */
  async end(deviceIds: Iterable<number>, reason: EndReason): Promise<Set<number>> {
    const closing: Promise<void>[] = [];
    const ended = new Set<number>();
    for (const deviceId of deviceIds) {
      this.#revokedAt.set(deviceId, ++this.#revocations);
      const session = this.#byDevice.get(deviceId);
      if (!session) continue;
      ended.add(deviceId);
      closing.push(closeSession(session, reason));
    }
    await Promise.all(closing);
    return ended;
  }

  /** Every live session, to close them all when the service stops. */
  all(): Session[] {
    return [...this.#byDevice.values()];
  }
}

export function closeSession(session: Session, reason: EndReason): Promise<void> {
  session.endReason ??= reason;
  return new Promise((resolve) => session.client.close(() => resolve()));
}
