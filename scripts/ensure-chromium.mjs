// The browser tests use Debian's Chromium; Playwright cannot download its own browser here.
import { existsSync } from 'node:fs';
import { run } from './lib.mjs';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`${CHROMIUM} is missing. Install it with:\n\n  sudo sh -c '${INSTALL}'\n`);
    process.exit(1);
  }
  console.warn(`${CHROMIUM} is missing; installing Debian's chromium package…`);
  const code = await run('sh', ['-c', INSTALL], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (code !== 0 || !existsSync(CHROMIUM)) {
    console.error(`Installing chromium failed (exit ${code}).`);
    process.exit(code || 1);
  }
}
