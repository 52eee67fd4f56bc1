import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage, writeBehindOwnCheck } from '../harness/board-page';
import { saveScreenshot } from '../harness/browser';
import { liveServer } from '../harness/live';
import { line, multiTouch } from '../harness/touch';

const live = liveServer();

const strokes = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { roundtable: { elements(): { type: string; authorId: string }[] } }
    ).roundtable
      .elements()
      .filter((e) => e.type === 'stroke')
      .map((e) => e.authorId)
      .sort(),
  );

async function classroom(boardId: string) {
  const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
  const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
    name: 'Mia',
  });
  live.track(table, tablet);
  await table.setUpSeats(2);
  await table.pencilMode();
  return { table, tablet };
}

describe('the talking pencil', () => {
  it('a seat holds it and the tablet cannot draw; passed to the tablet, only the tablet can', async () => {
    const { table, tablet } = await classroom('pencil-e2e');
    // Clockwise from the near right: seat 1 (Fox) is the near side's only seat, in the middle.
    await table.page.getByTestId('pencil-at-seat-1').waitFor();
    const banner = tablet.page.getByRole('region', { name: 'Talking pencil' });
    await expect.poll(() => banner.textContent()).toMatch(/Fox has the talking pencil/);

    // The tablet tries to draw: nothing happens, and it is told why.
    await tablet.drag([
      [200, 300],
      [500, 360],
    ]);
    expect(await tablet.page.getByTestId('notice').textContent()).toMatch(
      /Fox has the talking pencil/,
    );
    // Fox draws on the table; the tablet sees it.
    await multiTouch(table.page, [line(800, 800, 1100, 850, 10)]);
    await expect.poll(() => strokes(tablet.page)).toEqual(['seat-1']);
    await saveScreenshot(table.page, 'pencil-table');
    await saveScreenshot(tablet.page, 'pencil-tablet-listening');

    // Fox drags the pencil across the table to Owl, on the far side.
    const token = (await table.page
      .getByRole('button', { name: 'Drag the pencil to a seat' })
      .boundingBox())!;
    await multiTouch(table.page, [
      line(token.x + token.width / 2, token.y + token.height / 2, 960, 60, 12),
    ]);
    await table.page.getByTestId('pencil-at-seat-2').waitFor();
    await expect.poll(() => banner.textContent()).toMatch(/Owl has the talking pencil/);

    // Owl passes the pencil to Mia.
    await table.page.getByRole('button', { name: 'Pass to…' }).click();
    await table.page.getByRole('button', { name: 'Mia', exact: true }).click();
    await expect.poll(() => banner.textContent()).toMatch(/You have the talking pencil/);
    await tablet.drag([
      [200, 300],
      [500, 360],
    ]);
    const mia = await tablet.page.evaluate(() => localStorage.getItem('roundtable.device'));
    await expect.poll(() => strokes(table.page)).toEqual(['seat-1', mia!].sort());
    await saveScreenshot(tablet.page, 'pencil-tablet-holding');

    // Now the table cannot draw: its seats' tools are paused.
    await multiTouch(table.page, [line(800, 300, 1100, 350, 10)]);
    // A barrier, not a pause: frames after the gesture, the table's own board holds no new
    // stroke, so there is nothing that could reach the tablet.
    await table.nextFrames(2);
    expect(await strokes(table.page)).toHaveLength(2);
    expect(await strokes(tablet.page)).toHaveLength(2);
  });

  it('a change that slips past the pencil is refused by the server and taken back on the device', async () => {
    const { table, tablet } = await classroom('pencil-rollback');
    await multiTouch(table.page, [line(800, 800, 1100, 850, 10)]);
    await expect.poll(() => strokes(tablet.page)).toEqual(['seat-1']);
    // A tablet that skips its own check (a stale or modified client) writes a stroke anyway.
    await writeBehindOwnCheck(tablet.page, 'slipped');
    // The server refuses it; the tablet reopens the board from the server, without it.
    await expect.poll(() => tablet.page.getByTestId('notice').textContent()).toMatch(/taken back/);
    await tablet.waitForStatus('connected');
    expect(await strokes(tablet.page)).toEqual(['seat-1']);
    // A barrier, not a pause: the pass is written by the server after it refused the stroke,
    // so once the table shows the pass, anything the server sent it before has arrived.
    await table.page.getByRole('button', { name: 'Pass to…' }).click();
    await table.page.getByRole('button', { name: 'Owl', exact: true }).click();
    await table.page.getByTestId('pencil-at-seat-2').waitFor();
    expect(await strokes(table.page)).toEqual(['seat-1']);
  });
});
