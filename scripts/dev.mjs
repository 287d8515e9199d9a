// `npm run dev`: the service, restarted on change, and Vite's dev server (which proxies the API to it).
import { spawn } from 'node:child_process';
import { bin, ROOT } from './lib.mjs';

// Each child gets its own process group, so a Ctrl-C reaches them once, through this script:
// `tsx watch` treats a second signal as "force kill" and would cut the service's shutdown short.
const options = { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], detached: true };
const children = [spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/server/main.ts'], options), spawn(bin('vite'), [], options)];

let exiting = false;
function stopAll(signal, code) {
  if (exiting) return;
  exiting = true;
  process.exitCode = code;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

// When either one stops, the other is of no use alone.
for (const child of children) child.on('exit', (code) => stopAll('SIGTERM', code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(signal, 0));
