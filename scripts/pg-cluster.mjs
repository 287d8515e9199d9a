// A throw-away PostgreSQL cluster for one run of `npm run test:pg` or `npm run bench -- --db postgres`:
// initdb in a temporary folder, served on loopback only, durability off, since it lives for one run.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from './lib.mjs';

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
  if (!isRoot) throw new Error(`PostgreSQL's server is not installed. Install it with:\n\n  sudo sh -c '${INSTALL}'\n`);
  console.warn('PostgreSQL is not installed; installing Debian\'s postgresql package…');
  const code = await run('sh', ['-c', INSTALL], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = findServerBin();
  if (code !== 0 || !installed) throw new Error(`Installing postgresql failed (exit ${code}).`);
  return installed;
}

/** Runs one of the server's commands in `cwd`; its output is kept for the error when it fails, and stays off the caller's terminal otherwise. */
function runQuietly(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => (output = (output + chunk.toString()).slice(-4_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

const tail = (file) => (existsSync(file) ? readFileSync(file, 'utf8').slice(-2_000) : '');

/**
 * Starts a cluster and resolves with its address (user `postgres`, trust authentication, database
 * `postgres`), its major version, and `stop`, which stops it and removes its folder; callers call it
 * on every way out, Ctrl-C included: the server runs in a session of its own, which the terminal's
 * signals do not reach. A start that fails cleans up after itself.
 */
export async function startThrowawayCluster() {
  const serverBin = await ensureServer();
  const folder = mkdtempSync(path.join(tmpdir(), 'device-console-pg-'));
  const dataDir = path.join(folder, 'data');
  const log = path.join(folder, 'server.log');
  // PostgreSQL refuses to run as root, so as root its commands run as the `postgres` user.
  if (isRoot) chownSync(folder, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])));
  const pgRun = (command, args) => {
    const program = path.join(serverBin, command);
    // The server user may not be able to enter the repository, so its commands start in the temp folder.
    return isRoot ? runQuietly('runuser', ['-u', 'postgres', '--', program, ...args], folder) : runQuietly(program, args, folder);
  };

  let startTried = false;
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      // Also after a start that seemed to fail: pg_ctl may have been interrupted after the server came up.
      if (startTried) await pgRun('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      rmSync(folder, { recursive: true, force: true });
    })());

  try {
    const port = await freePort();
    const initdb = await pgRun('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    if (!initdb.ok) throw new Error(`initdb failed:\n${initdb.output}`);
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    startTried = true;
    const started = await pgRun('pg_ctl', ['-D', dataDir, '-l', log, '-o', options, '-w', 'start']);
    if (!started.ok) throw new Error(`PostgreSQL did not start:\n${started.output}\n${tail(log)}`);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version: path.basename(path.dirname(serverBin)), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
