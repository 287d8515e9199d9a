import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const BIN = path.join(ROOT, 'node_modules', '.bin');

/** A tool installed by `npm ci`, run without npx (which adds a second process and its warnings). */
export const bin = (name) => path.join(BIN, name);

// npm puts node_modules/.bin first on the PATH, so the tools run on the Node 24 that `npm ci`
// installs there; a script started without npm gives its children the same Node.
if (!process.env.PATH?.split(path.delimiter).includes(BIN)) process.env.PATH = `${BIN}${path.delimiter}${process.env.PATH ?? ''}`;

/** Runs a command with the terminal attached and resolves with its exit code (a signal counts as failure). */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
