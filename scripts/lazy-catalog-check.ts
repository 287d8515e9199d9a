import path from 'node:path';
import type { Plugin } from 'vite';
import { isLazySource } from '../src/web/locales/lazy-sources.ts';

/**
 * Fails the console's build when a module whose strings are in the lazy catalog can load without
 * it: that is, when a chunk holding one is statically imported by anything other than a lazy
 * source's own dynamic chunk (the entry, the list's chunk, sign-in's…). Such a page would render
 * message ids instead of text until something else fetched the lazy catalog.
 */
export function lazyCatalogCheck(root: string): Plugin {
  return {
    name: 'device-console:lazy-catalog-check',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const relative = (id: string) => path.relative(root, id).split(path.sep).join('/');
      const problems: string[] = [];
      // Every way in: the entry, and each chunk loaded by import(). What a way in reaches statically loads with it.
      for (const start of chunks.filter((chunk) => chunk.isEntry || chunk.isDynamicEntry)) {
        if (start.facadeModuleId && isLazySource(relative(start.facadeModuleId))) continue;
        const seen = new Set<string>();
        const walk = (fileName: string) => {
          if (seen.has(fileName)) return;
          seen.add(fileName);
          const chunk = byFile.get(fileName);
          if (!chunk) return;
          for (const id of chunk.moduleIds) {
            const source = relative(id);
            if (isLazySource(source)) problems.push(`${source} loads with ${start.facadeModuleId ? relative(start.facadeModuleId) : start.fileName}`);
          }
          chunk.imports.forEach(walk);
        };
        walk(start.fileName);
      }
      if (problems.length > 0) {
        this.error(`Modules of the lazy catalog (src/web/locales/lazy-sources.ts) load without it; move them out of the list or load them lazily:\n${[...new Set(problems)].join('\n')}`);
      }
    },
  };
}
