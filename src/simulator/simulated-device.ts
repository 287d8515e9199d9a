import mqtt, { type MqttClient } from 'mqtt';
import { Backoff } from './backoff';
import { connectCredentials } from './iotda-credentials';
import type { ProvisionedDevice } from './provisioning-file';

/** IoTDA's CONNACK codes that no retry with the same credentials can change. */
const BAD_CREDENTIALS = 4;
const NOT_AUTHORISED = 5;
/** A frozen or disabled device (5) may be let back in later: it asks again, rarely. */
const NOT_AUTHORISED_RETRY_MS = 5 * 60_000;
/** A connection that lasted this long resets the backoff. */
const STABLE_MS = 30_000;

export interface DeviceOptions {
  url: string;
  reportSeconds: number;
  keepAliveSeconds: number;
  random: () => number;
  events: DeviceEvents;
}

export interface DeviceEvents {
  connected(): void;
  disconnected(): void;
  refused(code: number): void;
  reported(): void;
}

export type DeviceState = 'idle' | 'connecting' | 'connected' | 'waiting' | 'given up' | 'stopped';

/** One device of the fleet: a real MQTT client that reports, drops, comes back, and obeys refusals. */
export class SimulatedDevice {
  state: DeviceState = 'idle';
  #client: MqttClient | undefined;
  #timer: NodeJS.Timeout | undefined;
  #connectedAt = 0;
  readonly #backoff: Backoff;

  constructor(
    readonly device: ProvisionedDevice,
    private readonly options: DeviceOptions,
  ) {
    this.#backoff = new Backoff(1_000, 60_000, options.random);
  }

  /** Resolves once this attempt is answered (admitted, refused or failed), so a fleet can pace its CONNECTs. */
  connect(): Promise<void> {
    if (this.state === 'stopped' || this.state === 'given up') return Promise.resolve();
    this.state = 'connecting';
    const client = mqtt.connect(this.options.url, {
      ...connectCredentials(this.device.deviceId, this.device.secret),
      protocolVersion: 4,
      clean: true,
      keepalive: this.options.keepAliveSeconds,
      // The simulator decides when to come back, by the refusal and its own backoff.
      reconnectPeriod: 0,
      connectTimeout: 15_000,
    });
    this.#client = client;
    return new Promise((resolve) => {
      client.once('connect', () => {
        this.state = 'connected';
        this.#connectedAt = Date.now();
        this.options.events.connected();
        this.#scheduleReport(true);
        resolve();
      });
      client.on('error', (error: Error & { code?: unknown }) => {
        if (typeof error.code === 'number') this.#refused(error.code);
      });
      client.once('close', () => {
        const wasConnected = this.state === 'connected';
        if (wasConnected) this.options.events.disconnected();
        if (this.state === 'connected' || this.state === 'connecting') this.#retryLater();
        resolve();
      });
    });
  }

  /** Drops the connection as a flaky network would; the device comes back by itself. */
  flap(): void {
    if (this.state === 'connected') this.#client?.stream.destroy();
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.#timer);
    await this.#client?.endAsync().catch(() => {});
  }

  #refused(code: number): void {
    this.options.events.refused(code);
    if (code === BAD_CREDENTIALS) {
      // A replaced key or a wrong secret: these credentials will never work again.
      this.state = 'given up';
      return;
    }
    this.#retryLater(code === NOT_AUTHORISED ? NOT_AUTHORISED_RETRY_MS * (0.5 + this.options.random()) : undefined);
  }

  #retryLater(delayMs?: number): void {
    if (this.state === 'stopped' || this.state === 'given up' || this.state === 'waiting') return;
    if (this.#connectedAt > 0 && Date.now() - this.#connectedAt > STABLE_MS) this.#backoff.reset();
    this.#connectedAt = 0;
    this.state = 'waiting';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.connect(), delayMs ?? this.#backoff.next());
  }

  #scheduleReport(first: boolean): void {
    clearTimeout(this.#timer);
    // The first report comes at a random point of the period, so the fleet's reports spread out.
    const delay = this.options.reportSeconds * 1_000 * (first ? this.options.random() : 1);
    this.#timer = setTimeout(() => {
      const client = this.#client;
      if (this.state !== 'connected' || !client) return;
      client.publish(`$oc/devices/${this.device.deviceId}/sys/properties/report`, JSON.stringify(this.#report()), { qos: 0 });
      this.options.events.reported();
      this.#scheduleReport(false);
    }, delay);
  }

  #report() {
    const r = this.options.random;
    return {
      services: [
        { service_id: 'Battery', properties: { level: Math.round(20 + 80 * r()) } },
        { service_id: 'Environment', properties: { temperature: Math.round((15 + 15 * r()) * 10) / 10, humidity: Math.round(30 + 50 * r()) } },
      ],
    };
  }
}
