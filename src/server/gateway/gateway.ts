import net from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { LiveSessions } from '../deps';
import { authenticateDevice, type ConnectOutcome } from '../domain/device-auth';
import type { SecretVault } from '../secrets/secret-vault';
import { ConnectRateLimit } from './connect-rate-limit';
import { END_REASONS, REFUSAL_REASONS, type EndReason } from './end-reasons';
import { closeSession, SessionRegistry } from './session-registry';
import { SessionStateWriter } from './state-writer';
import { isOwnTopic, propertyReportTopic } from './topics';

/** A PUBLISH larger than this is refused and its connection closed: property reports are small. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** The gateway logs only its failures; sessions leave their trace in the connection history. */
export interface GatewayLog {
  error(data: object, message: string): void;
}

export interface GatewayOptions {
  db: Kysely<Database>;
  vault: SecretVault;
  log: GatewayLog;
  now?: () => number;
  /** How long session events wait to share a transaction (state-writer.ts). */
  eventDelayMs?: number;
  activityIntervalMs?: number;
  /** How long a new connection may stay silent before its CONNECT (a half-open socket is closed then). */
  connectTimeoutMs?: number;
  /** New connections a second from one address (bursts of ten times that); 0: no limit. */
  connectsPerAddressPerSecond?: number;
  /** The name of this replica, on the devices whose sessions it holds; a service alone needs none. */
  replicaId?: string;
}

export interface GatewayCounters {
  accepted: number;
  refused: number;
  /** PUBLISH or SUBSCRIBE outside the device's own topics: refused, never delivered. */
  topicRefusals: number;
  oversized: number;
  /** Connections cut at the socket: their address opened too many too fast. */
  flooded: number;
}

/**
 * The MQTT side of the service (DESIGN.md "Live devices"): aedes speaks the protocol; this
 * admits devices by IoTDA's rule, keeps each to its own topics, and turns sessions into device
 * state and connection history.
 */
export class Gateway implements LiveSessions {
  readonly sessions = new SessionRegistry();
  readonly counters: GatewayCounters = { accepted: 0, refused: 0, topicRefusals: 0, oversized: 0, flooded: 0 };
  readonly writer: SessionStateWriter;
  readonly #options: GatewayOptions;
  readonly #now: () => number;
  readonly #keepAlive = new WeakMap<Client, number>();
  readonly #sockets = new Set<net.Socket>();
  #broker: Aedes | undefined;
  #server: net.Server | undefined;

  constructor(options: GatewayOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.writer = new SessionStateWriter(options.db, {
      eventDelayMs: options.eventDelayMs,
      activityIntervalMs: options.activityIntervalMs,
      replicaId: options.replicaId ?? 'local',
      onError: (error) => options.log.error({ err: error }, 'writing device sessions failed; retrying'),
    });
  }

  get listening(): boolean {
    return this.#server !== undefined;
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Starts listening; resolves with the port (0 picks a free one). */
  async listen(host: string, port: number): Promise<number> {
    const broker = await Aedes.createBroker({
      // One device, one CONNECT at a time is enough; a slow reader must not stall everyone for long.
      drainTimeout: 10_000,
      connectTimeout: this.#options.connectTimeoutMs ?? 10_000,
      // Kept synchronous: aedes goes on reading packets while a hook is pending.
      preConnect: (client, packet, done) => {
        this.#keepAlive.set(client, packet.keepalive ?? 0);
        done(null, true);
      },
      authenticate: (client, username, password, done) => {
        this.#authenticate(client, username, password).then(
          (error) => done(error, error === null),
          (error: unknown) => {
            this.#options.log.error({ err: error }, 'checking a CONNECT failed');
            done(Object.assign(new Error('Server unavailable'), { returnCode: 3 }) as AuthenticateError, null);
          },
        );
      },
      authorizePublish: (client, packet, done) => done(this.#authorizePublish(client, packet.topic, packet.payload)),
      authorizeSubscribe: (client, subscription, done) => {
        const session = this.sessions.sessionOf(client);
        if (session && isOwnTopic(session.iotdaId, subscription.topic)) return done(null, subscription);
        this.counters.topicRefusals++;
        // SUBACK 128 for that filter; the connection stays.
        done(null, null);
      },
    });
    broker.on('clientDisconnect', (client) => this.#ended(client));
    broker.on('keepaliveTimeout', (client) => {
      const session = this.sessions.sessionOf(client);
      if (session) session.endReason ??= END_REASONS.keepAliveTimeout;
    });
    broker.on('publish', (packet, client) => {
      const session = client && this.sessions.sessionOf(client);
      if (!session) return;
      const at = this.#now();
      if (packet.topic === propertyReportTopic(session.iotdaId)) this.writer.report(session.deviceId, at, Buffer.from(packet.payload).toString('utf8'));
      else this.writer.active(session.deviceId, at);
    });
    broker.on('ping', (_packet, client) => {
      const session = this.sessions.sessionOf(client);
      if (session) this.writer.active(session.deviceId, this.#now());
    });

    const perSecond = this.#options.connectsPerAddressPerSecond ?? 0;
    const limit = perSecond > 0 ? new ConnectRateLimit(perSecond, perSecond * 10) : undefined;
    // noDelay: a CONNACK or PUBACK goes out at once, not held back for more to send (set natively at accept).
    const server = net.createServer({ noDelay: true }, (socket) => {
      if (limit && !limit.allow(socket.remoteAddress ?? '')) {
        this.counters.flooded++;
        socket.destroy();
        return;
      }
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
      // A half-open connection that says nothing is closed by connectTimeout, or by keep-alive once connected.
      broker.handle(socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`MQTT port ${port} on ${host} is taken: set MQTT_PORT to a free port, or MQTT_PORT=off`) : error),
      );
      server.listen(port, host, () => resolve());
    });
    this.#broker = broker;
    this.#server = server;
    return (server.address() as net.AddressInfo).port;
  }

  isLive(deviceId: number): boolean {
    return this.sessions.isLive(deviceId);
  }

  async end(deviceIds: Iterable<number>, reason: EndReason): Promise<Set<number>> {
    const ended = await this.sessions.end(deviceIds, reason);
    // The caller answers with the device's state: its disconnection is written first.
    if (ended.size > 0) await this.writer.flush();
    return ended;
  }

  /** Closes every session (recorded as "service stopped"), stops listening and writes what is pending. */
  async close(): Promise<void> {
    const server = this.#server;
    const broker = this.#broker;
    this.#server = undefined;
    this.#broker = undefined;
    // Stops accepting at once; its callback waits for every connection, so it is awaited last.
    const stopped = server && new Promise<void>((resolve) => server.close(() => resolve()));
    await this.sessions.end(
      this.sessions.all().map((s) => s.deviceId),
      END_REASONS.serviceStopped,
    );
    if (broker) await new Promise<void>((resolve) => broker.close(() => resolve()));
    // Sockets that never finished a CONNECT belong to no client the broker could close.
    for (const socket of this.#sockets) socket.destroy();
    await stopped;
    await this.writer.close();
  }

  async #authenticate(client: Client, username: string | undefined, password: Buffer | undefined): Promise<AuthenticateError | null> {
    const ticket = this.sessions.ticket();
    const outcome = await authenticateDevice(this.#options, { clientId: client.id, username, password, now: this.#now() });
    if (!outcome.ok) return this.#refuse(client, outcome);
    // An operation ended this device's sessions while its state was being read: read it again.
    if (this.sessions.revokedSince(outcome.device.id, ticket)) return this.#authenticate(client, username, password);
    if (client.closed) return null;

    const session = { deviceId: outcome.device.id, iotdaId: username!, client, clientIp: clientIp(client), keepAliveSeconds: this.#keepAlive.get(client) ?? 0 };
    const superseded = this.sessions.admit(session);
    // aedes reports no disconnection for a client whose socket closed before it was registered.
    client.conn.once('close', () => this.#ended(client));
    this.counters.accepted++;
    this.writer.record({ kind: 'connected', deviceId: session.deviceId, at: this.#now(), clientIp: session.clientIp, keepAliveSeconds: session.keepAliveSeconds });
    if (superseded) void closeSession(superseded, END_REASONS.superseded);
    return null;
  }

  #refuse(client: Client, outcome: Extract<ConnectOutcome, { ok: false }>): AuthenticateError {
    this.counters.refused++;
    if ('device' in outcome && outcome.device) {
      const reason = outcome.reason === 'credentials' ? REFUSAL_REASONS.credentials : outcome.reason === 'frozen' ? REFUSAL_REASONS.frozen : outcome.reason === 'disabled' ? REFUSAL_REASONS.disabled : REFUSAL_REASONS.subDevice;
      this.writer.record({ kind: 'refused', deviceId: outcome.device.id, at: this.#now(), clientIp: clientIp(client), reason });
    }
    return Object.assign(new Error(outcome.reason), { returnCode: outcome.code }) as AuthenticateError;
  }

  #authorizePublish(client: Client | null, topic: string, payload: Buffer | string): Error | null {
    // The broker itself publishes with no client; a client not yet admitted publishes nothing.
    if (!client) return null;
    const session = this.sessions.sessionOf(client);
    if (!session || !isOwnTopic(session.iotdaId, topic)) {
      this.counters.topicRefusals++;
      return new Error('topic not allowed');
    }
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      this.counters.oversized++;
      return new Error('payload too large');
    }
    return null;
  }

  #ended(client: Client): void {
    const session = this.sessions.sessionOf(client);
    if (!session || session.ended) return;
    session.ended = true;
    const current = this.sessions.release(session);
    const reason = session.endReason ?? (sentDisconnect(client) ? END_REASONS.deviceClosed : END_REASONS.connectionLost);
    // 002 resets the device to inactive (DESIGN.md "The device and its rules").
    const onlineStatus = reason === END_REASONS.keyReplaced ? 0 : undefined;
    this.writer.record({ kind: 'disconnected', deviceId: session.deviceId, at: this.#now(), clientIp: session.clientIp, reason, current, onlineStatus });
  }
}

const clientIp = (client: Client): string | null => {
  const address = (client.conn as net.Socket).remoteAddress;
  return address ? address.replace(/^::ffff:/, '') : null;
};
/** Whether the device said goodbye with a DISCONNECT packet (aedes notes it on the client, untyped). */
const sentDisconnect = (client: Client): boolean => (client as unknown as { _disconnected?: boolean })._disconnected === true;
