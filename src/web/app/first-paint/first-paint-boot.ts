// Runs inline in the built page's head, before its body is parsed (scripts/first-paint-plugin.ts):
// the theme and language the console will use, and whether the sign-in form painted from the HTML
// is shown (first-paint.css).
import { getSession } from '@/web/api/session';
import { paintsSignIn } from '@/web/lib/first-paint';
import { preferredLocale } from '@/web/lib/locale-preference';
import { applyTheme, storedTheme } from '@/web/lib/theme-preference';

applyTheme(storedTheme());
const locale = preferredLocale();
document.documentElement.lang = locale;
if (paintsSignIn(new URL(window.location.href), getSession() !== null)) document.documentElement.dataset.firstPaint = locale;
