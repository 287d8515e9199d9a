// `npm start`: builds the console when its sources are newer than the build, then runs the service.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT, run } from './lib.mjs';

const BUILT = path.join(ROOT, 'dist/web/index.html');
// The console is built from these; src/contracts is shared with the service but bundled into the console too.
const SOURCES = ['src/web', 'src/contracts', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

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
// A Ctrl-C in a terminal reaches the service too (same process group); the service ignores the repeat.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => service.kill(signal));
service.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
