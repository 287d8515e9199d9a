// `npm run test:pg`: the server's tests against a real PostgreSQL server, started on loopback in a
// temporary folder and always stopped and removed afterwards.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, run } from './lib.mjs';

const INSTALL = 'apt-get update && apt-get install -y postgresql';
const isRoot = process.getuid?.() === 0;

/** The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin. */
function findServerBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => path.join(base, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function ensureServer() {
  const found = findServerBin();
  if (found) return found;
  if (!isRoot) {
    console.error(`PostgreSQL's server is not installed. Install it with:\n\n  sudo sh -c '${INSTALL}'\n`);
    process.exit(1);
  }
  console.warn('PostgreSQL is not installed; installing Debian\'s postgresql package…');
  const code = await run('sh', ['-c', INSTALL], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = findServerBin();
  if (code !== 0 || !installed) {
    console.error(`Installing postgresql failed (exit ${code}).`);
    process.exit(code || 1);
  }
  return installed;
}

const serverBin = await ensureServer();
// PostgreSQL refuses to run as root, so as root its commands run as the `postgres` user.
const asServerUser = (command, args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);

const folder = mkdtempSync(path.join(tmpdir(), 'device-console-pg-'));
const dataDir = path.join(folder, 'data');
if (isRoot) {
  const uid = Number(execFileSync('id', ['-u', 'postgres']));
  const gid = Number(execFileSync('id', ['-g', 'postgres']));
  chownSync(folder, uid, gid);
}
const pgRun = (command, args) => {
  const [cmd, argv] = asServerUser(path.join(serverBin, command), args);
  // The server user may not be able to enter the repository, so its commands start in the temp folder.
  return run(cmd, argv, { cwd: folder });
};

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  // The test run receives the terminal's signal itself; this process only has to live long enough to clean up.
  process.on(signal, () => {
    interrupted = true;
  });
}

let exitCode = 1;
let started = false;
try {
  const port = await freePort();
  if ((await pgRun('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'])) !== 0) {
    throw new Error('initdb failed');
  }
  // Loopback only; durability switched off, since the cluster lives for one test run.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  started = (await pgRun('pg_ctl', ['-D', dataDir, '-l', path.join(folder, 'server.log'), '-o', options, '-w', 'start'])) === 0;
  if (!started) throw new Error(`PostgreSQL did not start; see ${path.join(folder, 'server.log')}`);
  if (!interrupted) {
    const env = { ...process.env, TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` };
    exitCode = await run(bin('vitest'), ['run', '--project', 'server', ...process.argv.slice(2)], { env });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  if (started) await pgRun('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  rmSync(folder, { recursive: true, force: true });
}
process.exit(interrupted && exitCode === 0 ? 130 : exitCode);
