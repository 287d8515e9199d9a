import { describe, expect, it } from 'vitest';
import css from '@/web/app/app.css?raw';

/** The custom properties one theme block of app.css sets, by name. */
function themeBlock(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()]));
}

describe('the themes’ colours', () => {
  it('each resolve to a value: none refers to itself or to a property no theme sets', () => {
    const light = themeBlock(':root');
    for (const [selector, block] of [[':root', light], [":root[data-theme='dark']", themeBlock(":root[data-theme='dark']")]] as const) {
      expect(block.size, selector).toBeGreaterThan(10);
      for (const [name, value] of block) {
        for (const [, used] of value.matchAll(/var\((--[\w-]+)/g)) {
          // A property defined as itself is invalid: what reads it falls back (a black fill, no border).
          expect(used, `${selector} ${name}`).not.toBe(name);
          expect(light.has(used!), `${selector} ${name} uses ${used}`).toBe(true);
        }
      }
    }
  });
});
