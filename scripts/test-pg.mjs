// `npm run test:pg`: the server's tests against a real PostgreSQL server, started on loopback in a
// temporary folder and always stopped and removed afterwards.
import { bin, run } from './lib.mjs';
import { startThrowawayCluster } from './pg-cluster.mjs';

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  // The test run receives the terminal's signal itself; this process only has to live long enough to clean up.
  process.on(signal, () => {
    interrupted = true;
  });
}

let exitCode = 1;
let cluster;
try {
  cluster = await startThrowawayCluster();
  if (!interrupted) {
    const env = { ...process.env, TEST_DATABASE_URL: cluster.url };
    exitCode = await run(bin('vitest'), ['run', '--project', 'server', ...process.argv.slice(2)], { env });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await cluster?.stop();
}
process.exit(interrupted && exitCode === 0 ? 130 : exitCode);
