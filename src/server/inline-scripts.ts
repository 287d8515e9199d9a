import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Written by the console's build beside index.html (scripts/first-paint-plugin.ts): the SHA-256 of
 * each script written inline in it, the only inline scripts the Content-Security-Policy allows.
 */
export const INLINE_SCRIPTS_FILE = 'inline-scripts.json';

export interface InlineScripts {
  sha256: string[];
}

/** The policy's sources for the built console's inline scripts (`'sha256-…'`); none without a build or a file. */
export function inlineScriptSources(webRoot: string | undefined): string[] {
  if (!webRoot) return [];
  let text: string;
  try {
    text = readFileSync(path.join(webRoot, INLINE_SCRIPTS_FILE), 'utf8');
  } catch {
    return [];
  }
  const { sha256 } = JSON.parse(text) as InlineScripts;
  return sha256.map((hash) => `'sha256-${hash}'`);
}
