import { SimulatedDevice, type DeviceEvents } from './simulated-device';
import type { ProvisionedDevice } from './provisioning-file';

export interface FleetOptions {
  url: string;
  /** Seconds between property reports of one device. */
  reportSeconds: number;
  /** Share of the connected devices that drop and come back each minute (0.01: 1 %). */
  flapPerMinute: number;
  keepAliveSeconds: number;
  /** CONNECTs in flight at once while the fleet comes up. */
  concurrency: number;
  random?: () => number;
}

export interface FleetCounts {
  devices: number;
  connected: number;
  connects: number;
  /** Sessions that ended, whoever ended them. */
  disconnects: number;
  refused: Record<number, number>;
  reports: number;
  flaps: number;
}

/** N simulated devices: brought up at a bounded pace, flapping at the asked rate, counted. */
export class Fleet {
  readonly counts: FleetCounts;
  readonly #devices: SimulatedDevice[];
  #flapTimer: NodeJS.Timeout | undefined;
  readonly #random: () => number;

  constructor(
    devices: ProvisionedDevice[],
    private readonly options: FleetOptions,
  ) {
    this.#random = options.random ?? Math.random;
    this.counts = { devices: devices.length, connected: 0, connects: 0, disconnects: 0, refused: {}, reports: 0, flaps: 0 };
    const events: DeviceEvents = {
      connected: () => {
        this.counts.connected++;
        this.counts.connects++;
      },
      disconnected: () => {
        this.counts.connected--;
        this.counts.disconnects++;
      },
      refused: (code) => (this.counts.refused[code] = (this.counts.refused[code] ?? 0) + 1),
      reported: () => this.counts.reports++,
    };
    this.#devices = devices.map(
      (device) => new SimulatedDevice(device, { url: options.url, reportSeconds: options.reportSeconds, keepAliveSeconds: options.keepAliveSeconds, random: this.#random, events }),
    );
  }

  /** Connects every device, `concurrency` at a time; resolves once each first attempt is answered. */
  async start(): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < this.#devices.length) await this.#devices[next++]!.connect();
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, this.#devices.length) }, worker));
    if (this.options.flapPerMinute > 0) this.#flapTimer = setInterval(() => this.#flap(), 1_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.#flapTimer);
    await Promise.all(this.#devices.map((device) => device.stop()));
  }

  #flap(): void {
    const perSecond = this.options.flapPerMinute / 60;
    for (const device of this.#devices) {
      if (device.state === 'connected' && this.#random() < perSecond) {
        device.flap();
        this.counts.flaps++;
      }
    }
  }
}
