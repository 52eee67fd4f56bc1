import { type ServerFixture, startServerProcess } from '@roundtable/sync-server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDevice, saveScreenshot } from '../harness/browser';
import { line, multiTouch } from '../harness/touch';

let server: ServerFixture;
let browser: Browser;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('smoke', () => {
  it('serves /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('loads a board page that shows its canvas, on the table and on a tablet at once', async () => {
    const table = await openDevice(browser, 'table', `${server.url}/b/smoke-board`);
    const tablet = await openDevice(browser, 'tablet', `${server.url}/b/smoke-board`);
    for (const device of [table, tablet]) {
      const canvas = device.page.locator('canvas').first();
      await canvas.waitFor();
      const viewport = device.page.viewportSize()!;
      expect(await canvas.boundingBox()).toMatchObject(viewport);
      await expect
        .poll(() => device.page.locator('.board-title').textContent())
        .toContain('smoke-board');
      expect(device.consoleErrors).toEqual([]);
    }
    await saveScreenshot(table.page, 'smoke-table');
    await table.context.close();
    await tablet.context.close();
  });

  it('greets a visitor of / with joining, the gallery and the librarian’s sign-in', async () => {
    const { page, context } = await openDevice(browser, 'tablet', `${server.url}/`);
    await page.getByRole('link', { name: /Join a board/ }).waitFor();
    await page.getByRole('link', { name: /The gallery/ }).waitFor();
    await page.getByLabel('Librarian PIN').waitFor();
    await context.close();
  });

  it('delivers three simultaneous fingers as three separate touch pointers', async () => {
    const { page, context } = await openDevice(browser, 'table', `${server.url}/b/touch-check`);
    await page.locator('canvas').first().waitFor();
    await page.evaluate(() => {
      const seen: Record<string, string[]> = {};
      (window as unknown as { seen: typeof seen }).seen = seen;
      for (const type of ['pointerdown', 'pointermove', 'pointerup']) {
        window.addEventListener(type, (event) => {
          const e = event as PointerEvent;
          if (e.pointerType !== 'touch') return;
          const events = seen[e.pointerId] ?? [];
          seen[e.pointerId] = events;
          if (events.at(-1) !== type) events.push(type);
        });
      }
    });
    await multiTouch(page, [
      line(200, 200, 600, 300),
      line(800, 600, 1200, 500),
      line(300, 800, 500, 900),
    ]);
    const seen = await page.evaluate(
      () => (window as unknown as { seen: Record<string, string[]> }).seen,
    );
    expect(Object.values(seen)).toEqual([
      ['pointerdown', 'pointermove', 'pointerup'],
      ['pointerdown', 'pointermove', 'pointerup'],
      ['pointerdown', 'pointermove', 'pointerup'],
    ]);
    await context.close();
  });
});
