import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Emits service-worker.js as /sw.js with this build's id in it (a digest of the build's
 * file names, which change with their content): the worker keys its cache by the id and
 * deletes other builds' caches when it activates, and a new build is a new worker.
 */
export function serviceWorker(): Plugin {
  const source = readFileSync(new URL('service-worker.js', import.meta.url), 'utf8');
  return {
    name: 'roundtable-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const names = Object.keys(bundle).sort().join('\n');
      const id = createHash('sha256').update(names).digest('hex').slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: source.replace('__BUILD_ID__', id),
      });
    },
  };
}
