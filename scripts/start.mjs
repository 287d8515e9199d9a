// `npm start`: builds the console when its sources are newer than the build, then runs the service.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT, run } from './lib.mjs';

const BUILT = path.join(ROOT, 'dist/web/index.html');
/** Enough devices to see the list, the summary and device pages move, light enough for a laptop. */
const DEFAULT_SIMULATED = 300;

/** Resolves once the service answers HTTP: it has seeded the fleet and written its provisioning file by then. */
async function serviceAnswers(url) {
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
// The console is built from these; src/contracts is shared with the service but bundled into the console too.
const SOURCES = ['src/web', 'src/contracts', 'public', 'index.html', 'vite.config.ts', 'scripts/first-paint-plugin.ts', 'scripts/lazy-catalog-check.ts', 'package-lock.json'];

function newestChange(entry) {
  let info;
  try {
    info = statSync(entry);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

const builtAt = newestChange(BUILT);
const sourcesAt = Math.max(...SOURCES.map((s) => newestChange(path.join(ROOT, s))));
if (builtAt === 0 || sourcesAt > builtAt) {
  console.warn(builtAt === 0 ? 'Building the console…' : 'The console changed since its last build; rebuilding…');
  const code = await run(bin('vite'), ['build', '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}

const service = spawn(bin('tsx'), ['src/server/main.ts'], { cwd: ROOT, stdio: 'inherit' });
const children = [service];
// A Ctrl-C in a terminal reaches the children too (same process group); each ignores the repeat.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => children.forEach((child) => child.kill(signal)));
service.on('exit', (code, signal) => {
  children.forEach((child) => child.kill('SIGTERM'));
  process.exit(code ?? (signal ? 1 : 0));
});

// Part of the demo fleet connects over MQTT, so a newcomer sees devices come, report and drop.
const simulated = Number(process.env.SIMULATE_DEVICES ?? DEFAULT_SIMULATED);
if (process.env.MQTT_PORT !== 'off' && simulated > 0) {
  await serviceAnswers(`http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 8080}/`);
  const simulator = spawn(bin('tsx'), ['src/simulator/main.ts', '--devices', String(simulated)], { cwd: ROOT, stdio: 'inherit' });
  children.push(simulator);
  simulator.on('exit', (code) => {
    if (code) console.warn(`The device simulator stopped (exit ${code}); the service goes on. SIMULATE_DEVICES=0 turns it off.`);
  });
}
