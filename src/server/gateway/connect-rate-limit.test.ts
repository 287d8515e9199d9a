import net from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { throwawayVault } from '../test-support/vault';
import { createTestApp, SILENT_GATEWAY_LOG } from '../test-support/test-app';
import { ConnectRateLimit } from './connect-rate-limit';
import { Gateway } from './gateway';

describe('connections per address', () => {
  it('allows a burst, then the refill rate, per address', () => {
    let now = 0;
    const limit = new ConnectRateLimit(2, 5, () => now);
    expect(Array.from({ length: 7 }, () => limit.allow('10.0.0.1'))).toEqual([true, true, true, true, true, false, false]);
    expect(limit.allow('10.0.0.2')).toBe(true);
    now = 1_000;
    expect([limit.allow('10.0.0.1'), limit.allow('10.0.0.1'), limit.allow('10.0.0.1')]).toEqual([true, true, false]);
  });

  it('cuts a flood of connections from one address at the socket', async () => {
    const t = await createTestApp();
    const gateway = new Gateway({ db: t.db, vault: throwawayVault(), log: SILENT_GATEWAY_LOG, connectsPerAddressPerSecond: 2, connectTimeoutMs: 500 });
    try {
      const port = await gateway.listen('127.0.0.1', 0);
      const sockets = await Promise.all(
        Array.from({ length: 40 }, async () => {
          const socket = net.connect(port, '127.0.0.1');
          socket.on('error', () => {});
          await once(socket, 'connect');
          return socket;
        }),
      );
      await Promise.all(sockets.map((socket) => once(socket, 'close')));
      // 20 fit the burst; a slow machine may refill one or two while the rest arrive.
      expect(gateway.counters.flooded).toBeGreaterThanOrEqual(17);
      expect(gateway.counters.flooded).toBeLessThanOrEqual(20);
    } finally {
      await gateway.close();
      await t.close();
    }
  });
});
