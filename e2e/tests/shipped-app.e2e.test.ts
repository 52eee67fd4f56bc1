import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BOARD = fileURLToPath(new URL('../../packages/board/', import.meta.url));

/** Every script and page of a build (not source maps nor compressed copies). */
function builtText(dir: string): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:js|html)$/.test(entry.name))
        files.push({ name: path.slice(dir.length), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return files;
}

// Names only the test hook (BoardPage's exposeForTests) and the bench page (bench-main.tsx)
// carry; minifying keeps property names.
const HOOK_MARK = 'remoteInkAuthors';
const BENCH_MARK = 'liveLayerReady';

describe('the shipped app (packages/board/dist)', () => {
  const shipped = builtText(join(BOARD, 'dist'));

  it('has no benchmark page nor its chunks', () => {
    expect(existsSync(join(BOARD, 'dist/bench.html'))).toBe(false);
    expect(shipped.filter((f) => /bench|baseline/i.test(f.name)).map((f) => f.name)).toEqual([]);
    expect(shipped.filter((f) => f.text.includes(BENCH_MARK)).map((f) => f.name)).toEqual([]);
  });

  it('has no test hook (which the e2e build carries)', () => {
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.filter((f) => f.text.includes(HOOK_MARK)).map((f) => f.name)).toEqual([]);
    // The marks are real: the e2e build has the hook.
    expect(builtText(join(BOARD, 'dist-test')).some((f) => f.text.includes(HOOK_MARK))).toBe(true);
    expect(builtText(join(BOARD, 'dist-test')).some((f) => f.text.includes(BENCH_MARK))).toBe(
      false,
    );
  });
});
