import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The headers of every answer, console and API alike (DESIGN.md "Operators"), set by helmet. The
 * built console runs under a strict policy: its scripts, styles and fetches are its own origin's,
 * no inline script but those of `inlineScripts` (the built page's own, by hash: inline-scripts.ts),
 * and no page may frame it. HSTS only behind TLS (`BEHIND_TLS`): sent over
 * plain HTTP it would be ignored at best, and pin a name to HTTPS that does not serve it at worst;
 * likewise upgrade-insecure-requests, which would send a plain-HTTP console's requests to HTTPS.
 */
export function securityHeaders(behindTls: boolean, inlineScripts: readonly string[] = []): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScripts],
        scriptSrcAttr: ["'none'"],
        // React sets styles through the DOM (element.style), which a policy does not govern.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(behindTls && { upgradeInsecureRequests: [] }),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}
