/**
 * Identifiers derived from a device's position in the fleet. Each is a bijection of the index
 * (an odd or prime multiplier modulo the range), so they are unique without a lookup yet look
 * scattered like real serial numbers.
 */

/** The largest fleet whose identifiers stay unique (IMEI serials have six digits). */
export const MAX_SEED_DEVICES = 1_000_000;

const MAC_RANGE = 2 ** 24;
const IMEI_SERIAL_RANGE = 1_000_000;
const ASSET_RANGE = 36 ** 7;

/** `AA-BB-CC-DD-EE-FF`: the vendor's three bytes, then three from the index. */
export function macNodeId(vendorCode: string, index: number): string {
  const tail = ((index * 2_654_435_761) % MAC_RANGE).toString(16).toUpperCase().padStart(6, '0');
  return `${vendorCode}-${tail.slice(0, 2)}-${tail.slice(2, 4)}-${tail.slice(4)}`;
}

/** 15 digits: an 8-digit type code, a 6-digit serial and the Luhn check digit, as a real IMEI. */
export function imeiNodeId(typeCode: string, index: number): string {
  const body = `${typeCode}${((index * 7_919) % IMEI_SERIAL_RANGE).toString().padStart(6, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the rightmost digit of the body, which sits left of the check digit.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** EnOS-style asset id: short, alphanumeric, unique in the fleet. */
export function assetId(index: number): string {
  return `a${((index * 1_000_003) % ASSET_RANGE).toString(36).padStart(7, '0')}`;
}
