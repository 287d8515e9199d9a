import { describe, expect, it } from 'vitest';
import { paintsSignIn } from '@/web/lib/first-paint';

const at = (address: string) => new URL(address, 'http://console.test');

describe('where the sign-in form painted from the page is shown', () => {
  it('is where a signed-out tab signs in with nothing to return to', () => {
    for (const address of ['/', '/sign-in', '/sign-in?return_to=%2F', '/sign-in?return_to=https%3A%2F%2Felsewhere.test%2F']) expect(paintsSignIn(at(address), false), address).toBe(true);
  });

  it('is nowhere else: signed in, or where the sign-in page says it will return', () => {
    for (const address of ['/', '/sign-in']) expect(paintsSignIn(at(address), true), address).toBe(false);
    for (const address of ['/?device_name=pump', '/tasks', '/devices/12', '/sign-in?return_to=%2Ftasks']) expect(paintsSignIn(at(address), false), address).toBe(false);
  });
});
