import { setTheme, startTheme } from '@/web/lib/theme';

/** A system whose preference is `dark`, as matchMedia reports it. */
function system(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: dark && query.includes('dark'), addEventListener: () => {}, removeEventListener: () => {} }));
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

it('follows the system until the operator chooses, then keeps the choice across starts', () => {
  system(true);
  startTheme();
  expect(document.documentElement.dataset.theme).toBe('dark');
  setTheme('light');
  expect(document.documentElement.dataset.theme).toBe('light');
  startTheme();
  expect(document.documentElement.dataset.theme).toBe('light');
  setTheme('system');
  expect(document.documentElement.dataset.theme).toBe('dark');
});

it('paints light on a light system with no choice made', () => {
  system(false);
  startTheme();
  expect(document.documentElement.dataset.theme).toBe('light');
});
