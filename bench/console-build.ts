import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT, WEB_ROOT } from './paths';

// The same rule as scripts/start.mjs (which does not export it): rebuild when any source is newer than the build.
const SOURCES = ['src/web', 'src/contracts', 'public', 'index.html', 'vite.config.ts', 'scripts/first-paint-plugin.ts', 'scripts/lazy-catalog-check.ts', 'package-lock.json'];

function newestChange(entry: string): number {
  let info;
  try {
    info = statSync(entry);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** Builds the console into dist/web when it is missing or older than its sources; says whether it built. */
export async function ensureConsoleBuilt(): Promise<boolean> {
  const builtAt = newestChange(path.join(WEB_ROOT, 'index.html'));
  const sourcesAt = Math.max(...SOURCES.map((s) => newestChange(path.join(ROOT, s))));
  if (builtAt !== 0 && sourcesAt <= builtAt) return false;
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code})`);
  return true;
}
