// Bundles the server into dist/main.js: our TypeScript (and the shared package's) becomes
// plain JavaScript; npm dependencies stay imports, resolved from node_modules at run time.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

// Only the server's own dependencies can be found from dist/ at run time (pnpm keeps each
// package's node_modules apart): the shared package's others are bundled in.
const { dependencies } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
);
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@roundtable/'));

mkdirSync(new URL('./dist', import.meta.url), { recursive: true });
await build({
  // The board-picture thread is a bundle of its own, beside main.js (board-rasters.ts).
  entryPoints: {
    main: new URL('./src/main.ts', import.meta.url).pathname,
    'raster-worker': new URL('./src/raster/raster-worker.ts', import.meta.url).pathname,
  },
  outdir: new URL('./dist', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
});
// The WAL checkpoint thread is started from its own file, beside the bundle.
copyFileSync(
  new URL('./src/storage/checkpoint-worker.js', import.meta.url),
  new URL('./dist/checkpoint-worker.js', import.meta.url),
);
