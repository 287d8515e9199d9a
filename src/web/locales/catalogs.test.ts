import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Lingui's own checks, as a translator would run them: `npx lingui check sync` (every message in
// the code is in both catalogs, no stale one left) and `npx lingui check missing` (each has its
// translation). Both exit non-zero and name the messages when they fail.
async function linguiCheck(check: 'sync' | 'missing'): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['node_modules/@lingui/cli/dist/lingui.js', 'check', check, '--workers', '1', '--verbose']);
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

test('the catalogs hold every message of the console, and no other', async () => {
  const { ok, output } = await linguiCheck('sync');
  expect(output).toContain('PASS sync');
  expect(ok, output).toBe(true);
});

test('every message has its Chinese translation', async () => {
  const { ok, output } = await linguiCheck('missing');
  expect(output).toContain('PASS missing');
  expect(ok, output).toBe(true);
});
