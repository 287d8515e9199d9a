import { describe, expect, it } from 'vitest';
import { DEVICE_SECRET_LENGTH, generateDeviceSecret } from './device-secret';

describe('a new device secret', () => {
  it('is 32 letters and digits, new each time', () => {
    const secrets = Array.from({ length: 1_000 }, generateDeviceSecret);
    for (const secret of secrets) expect(secret).toMatch(new RegExp(`^[A-Za-z0-9]{${DEVICE_SECRET_LENGTH}}$`));
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('draws every character about equally often: no modulo bias towards the first eight', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6_000; i++) for (const c of generateDeviceSecret()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 192,000 characters: ~3,097 each, a standard deviation of ~55; a byte taken modulo 62 would give A-H ~3,871.
    for (const [c, n] of counts) expect(n, c).toBeGreaterThan(2_750);
    for (const [c, n] of counts) expect(n, c).toBeLessThan(3_450);
  });
});
