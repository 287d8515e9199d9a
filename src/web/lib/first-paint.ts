import { safeReturnTo } from '@/web/lib/return-to';

/**
 * The built index.html holds the sign-in page, rendered at build time in each language
 * (scripts/first-paint-plugin.ts), so a signed-out tab paints its form as soon as the HTML and
 * the styles arrive, before the console's script has come and run. A script in the page's head
 * (app/first-paint/first-paint-boot.ts) shows the copy in the tab's language, or none; the console's own form
 * takes its place, with what the operator typed meanwhile.
 */
export const FIRST_PAINT_ID = 'first-paint';

/**
 * Whether the sign-in form is what the console will show at `url`: signed out, at "/" or at the
 * sign-in page with nothing to return to (with somewhere to return to, the page says so, which
 * the painted copy does not).
 */
export function paintsSignIn(url: URL, signedIn: boolean): boolean {
  if (signedIn) return false;
  const returnTo = url.pathname === '/sign-in' ? safeReturnTo(url.searchParams.get('return_to')) : `${url.pathname}${url.search}`;
  return returnTo === '/';
}

export interface PaintedSignIn {
  /** What was typed into the painted form, by field name. */
  values: Record<string, string>;
  /** The field that had the focus. */
  focused: string | undefined;
}

/** Takes the painted sign-in form out of the page, with what was typed into it; undefined when none was shown. */
export function takeOverFirstPaint(): PaintedSignIn | undefined {
  const painted = document.getElementById(FIRST_PAINT_ID);
  const locale = document.documentElement.dataset.firstPaint;
  const form = painted && locale ? painted.querySelector(`[data-locale="${locale}"] form`) : null;
  const values: Record<string, string> = {};
  let focused: string | undefined;
  // Read before the copy goes: removing it takes the focus away.
  for (const input of form?.querySelectorAll('input') ?? []) {
    if (input.value) values[input.name] = input.value;
    if (input === document.activeElement) focused = input.name;
  }
  painted?.remove();
  delete document.documentElement.dataset.firstPaint;
  return form ? { values, focused } : undefined;
}

/** Removes the painted copies when this load did not show them (signed in, or another page). */
export function discardUnshownFirstPaint(): void {
  if (!document.documentElement.dataset.firstPaint) document.getElementById(FIRST_PAINT_ID)?.remove();
}
