import http from 'node:http';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';

/**
 * `tsx bench/stream-readers-process.ts <events url> <token> <count>`: holds `count` change streams
 * open as consoles would, and drains them without parsing, so what is measured is the service's
 * cost of the streams, not a reader's. In a process of its own, so that draining them does not
 * delay the bench's own timings. Prints `status {"open":n,"bytes":n}` every 250 ms.
 */
const [url, token, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!url || !token || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: stream-readers-process.ts <events url> <token> <count>\n');
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
let open = 0;
let bytes = 0;
for (let i = 0; i < count; i++) {
  http
    .get(url, { agent, headers: { accept: 'text/event-stream', [AUTH_TOKEN_HEADER]: token } }, (response) => {
      if (response.statusCode !== 200) {
        process.stderr.write(`a stream answered ${response.statusCode}\n`);
        process.exit(1);
      }
      open++;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => open--);
    })
    .on('error', (error) => {
      process.stderr.write(`a stream failed: ${error.message}\n`);
      process.exit(1);
    });
}
const report = () => process.stdout.write(`status ${JSON.stringify({ open, bytes })}\n`);
setInterval(report, 250);
process.on('SIGTERM', () => {
  report();
  process.exit(0);
});
