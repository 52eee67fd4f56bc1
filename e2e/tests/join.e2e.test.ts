import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { openDevice, saveScreenshot } from '../harness/browser';
import { liveServer } from '../harness/live';

const live = liveServer();

/** Reads the QR code the table shows, pixel by pixel, as a phone camera would. */
async function scanQr(page: Page): Promise<string> {
  const { width, height, data } = await page.evaluate(() => {
    const img = document.querySelector('[data-testid="join-qr"]') as HTMLImageElement;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: pixels.width, height: pixels.height, data: [...pixels.data] };
  });
  const found = jsQR(Uint8ClampedArray.from(data), width, height);
  if (!found) throw new Error('no QR code could be read');
  return found.data;
}

async function openJoinCard(table: BoardPage) {
  await table.page.getByRole('button', { name: 'Join from a tablet' }).click();
  await table.page.locator('[data-testid="join-qr"]').waitFor();
  await table.page.waitForFunction(
    () => (document.querySelector('[data-testid="join-qr"]') as HTMLImageElement).complete,
  );
}

describe('joining from a tablet', () => {
  it('a tablet opens the board through the URL inside the table’s QR code', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'qr-join');
    live.track(table);
    await openJoinCard(table);
    await saveScreenshot(table.page, 'join-card-table');
    const url = await scanQr(table.page);
    expect(url).toBe(`${live.server.url}/b/qr-join?layout=tablet`);

    const device = await openDevice(live.browser, 'tablet', url);
    live.track({ dispose: () => device.context.close() });
    await device.page.getByLabel('Your name').fill('Leo');
    await device.page.getByRole('button', { name: 'Join the board' }).click();
    await expect
      .poll(() => table.page.locator('.participants .person[data-here="true"]').allTextContents())
      .toEqual(['Leo']);
  });

  it('a tablet without a camera types the short code at /join', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'code-join');
    live.track(table);
    await openJoinCard(table);
    const shown = (await table.page.getByTestId('join-code').textContent())!;
    expect(shown).toMatch(/^[A-Z2-9]{3} [A-Z2-9]{3}$/);

    const device = await openDevice(live.browser, 'tablet', `${live.server.url}/join`);
    live.track({ dispose: () => device.context.close() });
    // A wrong code first: a clear message, and the student stays on the page.
    await device.page.getByLabel('Board code').fill('ZZZ 999');
    await device.page.getByRole('button', { name: 'Go to the board' }).click();
    await expect
      .poll(() => device.page.getByRole('alert').textContent())
      .toMatch(/no board has this code/i);
    await device.page.getByLabel('Board code').fill(shown.toLowerCase());
    await device.page.getByRole('button', { name: 'Go to the board' }).click();
    await device.page.waitForURL(/\/b\/code-join\?layout=tablet$/);
    await device.page.getByLabel('Your name').waitFor();
  });
});
