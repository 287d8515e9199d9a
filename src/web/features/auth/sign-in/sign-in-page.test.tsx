import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import SignInPage from '@/web/features/auth/sign-in/sign-in-page';
import { FIRST_PAINT_ID } from '@/web/lib/first-paint';
import { render, screen } from '@/web/test-support/render';

/** The page as the built index.html paints it (first-paint.ts): the English copy shown, a name typed, the name's field focused. */
function paintedCopy(typed: string): void {
  document.documentElement.dataset.firstPaint = 'en';
  document.body.insertAdjacentHTML(
    'afterbegin',
    `<div id="${FIRST_PAINT_ID}"><div data-locale="en"><form><input name="username"><input name="password" type="password"></form></div></div>`,
  );
  const name = document.querySelector<HTMLInputElement>(`#${FIRST_PAINT_ID} input[name="username"]`)!;
  name.value = typed;
  name.focus();
}

afterEach(() => {
  delete document.documentElement.dataset.firstPaint;
  document.getElementById(FIRST_PAINT_ID)?.remove();
});

describe('the sign-in page, over the form painted from the page', () => {
  it('takes its place with what was typed, and the focus at once, so keys typed next reach it', () => {
    paintedCopy('adm');
    const location = memoryLocation({ path: '/sign-in' });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Router hook={location.hook} searchHook={location.searchHook}>
          <SignInPage />
        </Router>
      </QueryClientProvider>,
    );
    expect(document.getElementById(FIRST_PAINT_ID)).toBeNull();
    expect(document.documentElement.dataset.firstPaint).toBeUndefined();
    const name = screen.getByLabelText('User name');
    expect(name).toHaveValue('adm');
    expect(name).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });
});
