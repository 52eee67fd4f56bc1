import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { saveScreenshot } from '../harness/browser';
import { liveServer } from '../harness/live';

const live = liveServer();

interface ImageSummary {
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  rotation: number;
  assetId: string;
}

const images = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { roundtable: { elements(): ImageSummary[] } }).roundtable
      .elements()
      .filter((e) => e.type === 'image')
      .map(({ type, x, y, w, h, rotation, assetId }) => ({ type, x, y, w, h, rotation, assetId })),
  );

/** A real 320x200 PNG, painted red with a blue band by the browser itself. */
async function paintedPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#e03131';
    ctx.fillRect(0, 0, 320, 200);
    ctx.fillStyle = '#1971c2';
    ctx.fillRect(0, 160, 320, 40);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** The colour the board's scene canvas shows at a screen point. */
const sceneColour = (page: Page, x: number, y: number) =>
  page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector('.board-canvas canvas') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(px, py, 1, 1).data;
      return [data[0], data[1], data[2]];
    },
    [x, y] as const,
  );

describe('pictures', () => {
  it('a picture added on a tablet shows on the table, and can be resized and turned there', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'pictures');
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'pictures');
    live.track(table, tablet);

    await tablet.page.locator('[data-testid="image-input"]').setInputFiles({
      name: 'red.png',
      mimeType: 'image/png',
      buffer: await paintedPng(tablet.page),
    });
    await expect.poll(async () => (await table.elements()).length).toBe(1);
    const [added] = await images(table.page);
    // Placed in the middle of the tablet's 1024x768 screen at its own size.
    expect(added).toMatchObject({ w: 320, h: 200, x: 512 - 160, y: 384 - 100 });
    expect(added!.assetId).toMatch(/^[0-9a-f]{64}$/);

    // The table draws the picture itself, not a placeholder: red inside, blue at the bottom.
    await expect.poll(() => sceneColour(table.page, 512, 340)).toEqual([224, 49, 49]);
    expect(await sceneColour(table.page, 512, 384 + 80)).toEqual([25, 113, 194]);

    // The picture is selected on the tablet: drag its corner out to twice the size…
    await tablet.drag([
      [512 + 160, 384 + 100],
      [512 + 160 + 320, 384 + 100 + 200],
    ]);
    await expect.poll(async () => (await images(table.page))[0]?.w).toBeCloseTo(640, 0);
    const resized = (await images(table.page))[0]!;
    expect(resized.h).toBeCloseTo(400, 0);

    // …then turn it a quarter turn with the handle above its top edge.
    const centre = { x: resized.x + resized.w / 2, y: resized.y + resized.h / 2 };
    await tablet.drag([
      [centre.x, resized.y - 48],
      [centre.x + 150, centre.y - 150],
      [centre.x + 300, centre.y],
    ]);
    await expect.poll(async () => (await images(table.page))[0]?.rotation).toBe(90);
    await saveScreenshot(table.page, 'pictures-table');
    await saveScreenshot(tablet.page, 'pictures-tablet');
    expect(table.consoleErrors).toEqual([]);
    expect(tablet.consoleErrors).toEqual([]);
  });

  it('a file that is not a picture gets a clear message and changes nothing', async () => {
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'not-a-picture');
    live.track(tablet);
    await tablet.page.locator('[data-testid="image-input"]').setInputFiles({
      name: 'homework.png',
      mimeType: 'image/png',
      buffer: Buffer.from('this is not a png at all'),
    });
    const alert = tablet.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/could not be read/);
    expect(await tablet.elements()).toEqual([]);
    await tablet.page.getByRole('button', { name: 'OK' }).click();
    await alert.waitFor({ state: 'detached' });
  });
});
