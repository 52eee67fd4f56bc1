// Builds what `pnpm start` runs: the board app (Vite, with pre-compressed copies; and its
// test build for the e2e suite) and the server, bundled to plain JavaScript (esbuild), so a
// school's server runs no TypeScript toolchain. With --if-stale it builds only when a source changed since the last build, so
// a second start does not rebuild.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(root, 'packages/sync-server/dist/build-stamp.json');
/** What the build reads: a change to any of these makes the last build stale. */
const INPUTS = [
  'packages/board/src',
  'packages/board/public',
  'packages/board/index.html',
  'packages/board/bench.html',
  'packages/board/vite-head-start.ts',
  'packages/board/vite.config.ts',
  'packages/board/vite.bench.config.ts',
  'packages/board/vite-precompress.ts',
  'packages/board/vite-service-worker.ts',
  'packages/board/service-worker.js',
  'packages/board/package.json',
  'packages/shared/src',
  'packages/shared/package.json',
  'packages/sync-server/src',
  'packages/sync-server/package.json',
  'pnpm-lock.yaml',
  'scripts/build.mjs',
];

function* files(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  } else yield path;
}

/** A digest of every input's path, size and modification time (no file is read whole). */
function fingerprint() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const path of files(join(root, input))) {
      const { size, mtimeMs } = statSync(path);
      hash.update(`${relative(root, path)}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const current = fingerprint();
const built = existsSync(STAMP) ? JSON.parse(readFileSync(STAMP, 'utf8')).fingerprint : null;
const appBuilt = ['dist', 'dist-test'].every((dir) =>
  existsSync(join(root, 'packages/board', dir, 'index.html')),
);
if (process.argv.includes('--if-stale') && built === current && appBuilt) {
  console.log('Roundtable is built and up to date: starting without a rebuild.');
  process.exit(0);
}

console.log('Building the board app and the server…');
const vite = join(root, 'packages/board/node_modules/vite/bin/vite.js');
run(process.execPath, [vite, 'build'], join(root, 'packages/board'));
// The same app with the end-to-end tests' hook (window.roundtable), into dist-test: the e2e
// harness serves it; dist, what a school's server serves, has no hook.
run(process.execPath, [vite, 'build', '--mode', 'test'], join(root, 'packages/board'));
run(
  process.execPath,
  [join(root, 'packages/sync-server/build.mjs')],
  join(root, 'packages/sync-server'),
);
mkdirSync(join(root, 'packages/sync-server/dist'), { recursive: true });
writeFileSync(
  STAMP,
  `${JSON.stringify({ fingerprint: current, builtAt: new Date().toISOString() })}\n`,
);
console.log('Built.');
