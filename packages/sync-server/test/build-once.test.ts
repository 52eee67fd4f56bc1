import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const buildIfStale = () =>
  spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, encoding: 'utf8' });

describe('pnpm start', () => {
  it('builds once; a second start reuses the build, which runs as plain JavaScript', () => {
    // The first call builds only if a source changed since `pnpm test`'s own build.
    expect(buildIfStale().status).toBe(0);
    const again = buildIfStale();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('up to date');
    expect(again.stdout).not.toContain('Building');
    expect(existsSync(`${root}/packages/sync-server/dist/main.js`)).toBe(true);
    expect(existsSync(`${root}/packages/board/dist/index.html`)).toBe(true);
  }, 180_000);
});
