import { describe, expect, it } from 'vitest';
import { assetId, imeiNodeId, luhnCheckDigit, macNodeId } from './identifiers';

describe('demo identifiers', () => {
  it('computes the Luhn check digit of an IMEI', () => {
    // The worked example of the IMEI standard: 49015420323751 has check digit 8.
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(imeiNodeId('35693803', 42)).toMatch(/^35693803\d{7}$/);
  });

  it('formats MAC-like node ids with the vendor prefix', () => {
    expect(macNodeId('00-1B-44', 0)).toBe('00-1B-44-00-00-00');
    expect(macNodeId('00-1B-44', 1)).toMatch(/^00-1B-44(-[0-9A-F]{2}){3}$/);
  });

  it('gives every index its own asset id', () => {
    const ids = new Set(Array.from({ length: 50_000 }, (_, i) => assetId(i)));
    expect(ids.size).toBe(50_000);
  });
});
