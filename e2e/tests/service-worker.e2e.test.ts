import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type ServerFixture, startServerProcess } from '@roundtable/sync-server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';

const BUILD = fileURLToPath(new URL('../../packages/board/dist-test', import.meta.url));

/** The build id in a built sw.js (vite-service-worker.ts writes it). */
const buildIdOf = (sw: string) => /SHELL_PREFIX}([0-9a-f]{16})`/.exec(sw)?.[1];

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** The service worker's state once it controls the page. */
const activeWorkerScript = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? null;
  });

describe('the service worker', () => {
  let appDir: string;
  let dataDir: string;
  let server: ServerFixture;
  let browser: Browser;

  beforeAll(async () => {
    // A copy of the build, so the test can put a "new build" in its place.
    appDir = mkdtempSync(join(tmpdir(), 'roundtable-sw-app-'));
    dataDir = mkdtempSync(join(tmpdir(), 'roundtable-sw-data-'));
    cpSync(BUILD, appDir, { recursive: true });
    server = await startServerProcess({ APP_DIR: appDir }, dataDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(appDir, { recursive: true, force: true });
  });

  it("keys its cache by the build and deletes other builds' caches when a new build activates", async () => {
    const firstId = buildIdOf(readFileSync(join(appDir, 'sw.js'), 'utf8'));
    expect(firstId).toMatch(/^[0-9a-f]{16}$/);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await activeWorkerScript(page)).toBe(`${server.url}/sw.js`);
    await expect.poll(() => cacheNames(page)).toContain(`roundtable-shell-${firstId}`);
    // Left by older builds (v1 was the name before caches were keyed by build), and caches
    // that are not the shell's, which stay.
    await page.evaluate(async () => {
      for (const name of ['roundtable-shell-v1', 'roundtable-shell-0123456789abcdef'])
        await (await caches.open(name)).put('/index.html', new Response('old shell'));
      await (await caches.open('roundtable-pictures')).put('/api/assets/x', new Response('x'));
    });

    // A new build on the same server: its worker differs by its id.
    await server.stop();
    const secondId = 'feedfacefeedface';
    const sw = readFileSync(join(appDir, 'sw.js'), 'utf8').replace(firstId!, secondId);
    writeFileSync(join(appDir, 'sw.js'), sw);
    writeFileSync(join(appDir, 'sw.js.br'), brotliCompressSync(sw));
    writeFileSync(join(appDir, 'sw.js.gz'), gzipSync(sw));
    server = await startServerProcess(
      { APP_DIR: appDir, PORT: String(server.port) },
      mkdtempSync(join(tmpdir(), 'roundtable-sw-data-')),
    );
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
    });
    await expect
      .poll(async () => (await cacheNames(page)).sort(), { timeout: 20_000 })
      .toEqual(['roundtable-pictures', `roundtable-shell-${secondId}`]);
    // The new build's shell is what the cache holds.
    const shell = await page.evaluate(async (name) => {
      const cached = await (await caches.open(name)).match('/index.html');
      return cached ? await cached.text() : null;
    }, `roundtable-shell-${secondId}`);
    expect(shell).toContain('<div id="root">');
    await context.close();
  });
});
