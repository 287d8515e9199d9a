import path from 'node:path';
import { parseArgs } from 'node:util';
import { Fleet } from './fleet';
import { readProvisioningFile } from './provisioning-file';

const say = (line: string) => process.stdout.write(`${line}\n`);

const USAGE = `npm run simulate -- --devices N [--skip N] [--flap RATE] [--report SECONDS] [--url mqtt://host:port] [--credentials FILE]

  --devices N        how many demo devices connect (the first N of the provisioning file, after --skip)
  --skip N           leave out the first N, e.g. those \`npm start\` already connects (SIMULATE_DEVICES):
                     two clients with one device's credentials keep superseding each other
  --flap RATE        share of connected devices that drop and come back each minute (default 0.01)
  --report SECONDS   seconds between property reports of one device (default 30)
  --url URL          the service's MQTT address (default mqtt://127.0.0.1:\${MQTT_PORT:-1883})
  --credentials FILE the demo fleet's provisioning file (default \${DATA_DIR:-./data}/demo-fleet-credentials.csv)
  --concurrency N    CONNECTs in flight while the fleet comes up (default 500)
  --status-every MS  also print the counts as one JSON line ("status {…}") every MS, for a program to read`;

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number of 0 or more, got "${value}"`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string' },
      skip: { type: 'string' },
      flap: { type: 'string' },
      report: { type: 'string' },
      url: { type: 'string' },
      credentials: { type: 'string' },
      concurrency: { type: 'string' },
      'status-every': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || values.devices === undefined) {
    say(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const count = Math.floor(number(values.devices, 'devices', 0));
  const file = values.credentials ?? path.join(process.env.DATA_DIR ?? './data', 'demo-fleet-credentials.csv');
  const skip = Math.floor(number(values.skip, 'skip', 0));
  const provisioned = (await readProvisioningFile(file)).slice(skip, skip + count);
  const url = values.url ?? `mqtt://127.0.0.1:${process.env.MQTT_PORT ?? 1883}`;
  const fleet = new Fleet(provisioned, {
    url,
    reportSeconds: number(values.report, 'report', 30),
    flapPerMinute: number(values.flap, 'flap', 0.01),
    keepAliveSeconds: 60,
    concurrency: Math.max(1, Math.floor(number(values.concurrency, 'concurrency', 500))),
  });

  const started = performance.now();
  say(`Simulator: connecting ${provisioned.length.toLocaleString('en-US')} devices to ${url}…`);
  const status = () => {
    const c = fleet.counts;
    const refused = Object.entries(c.refused).map(([code, n]) => `${n}×${code}`).join(' ') || 'none';
    return `${c.connected}/${c.devices} connected, ${c.connects} connects, refused: ${refused}, ${c.reports} reports, ${c.flaps} flaps`;
  };
  await fleet.start();
  say(`Simulator: first attempts answered in ${Math.round(performance.now() - started)} ms: ${status()}`);
  const ticker = setInterval(() => say(`Simulator: ${status()}`), 60_000);
  const statusEvery = number(values['status-every'], 'status-every', 0);
  const machineStatus = statusEvery > 0 ? setInterval(() => say(`status ${JSON.stringify({ at: Date.now(), ...fleet.counts })}`), statusEvery) : undefined;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(ticker);
    clearInterval(machineStatus);
    await fleet.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
