import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WebSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { liveServer } from '../harness/live';
import { drawStrokes, refusals, storedUpdates, strokeIds, until } from '../harness/offline';
import { line, multiTouch } from '../harness/touch';

// No grace after the pencil passes: offline work from its previous holder is refused at once
// (the server's grace is its own test's business, in sync-server/test/pencil.test.ts).
const live = liveServer({ PENCIL_PASS_GRACE_MS: '0' });

/** Screenshots go under e2e/test-results (ignored by git). */
const RESULTS = fileURLToPath(new URL('../test-results', import.meta.url));
async function screenshot(board: BoardPage, name: string): Promise<string> {
  // The whole board in view: the table draws where a tablet's screen does not reach.
  await board.page.getByRole('button', { name: 'Fit to content' }).click();
  await board.nextFrames(3);
  mkdirSync(RESULTS, { recursive: true });
  const path = `${RESULTS}/${name}.png`;
  await board.page.screenshot({ path });
  return path;
}

const strokeCount = async (board: BoardPage) =>
  (await board.elements()).filter((e) => e.type === 'stroke').length;

describe('a tablet that loses Wi-Fi', () => {
  it('keeps drawing, keeps its work through a reload, and syncs it when back', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'offline');
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'offline');
    live.track(table, tablet);
    // The service worker has the app shell once it controls the page.
    await tablet.page.waitForFunction(
      () => navigator.serviceWorker.controller !== null,
      undefined,
      {
        timeout: 10_000,
      },
    );

    await tablet.page.context().setOffline(true);
    await tablet.waitForStatus('offline');
    expect(await tablet.page.locator('.status').textContent()).toMatch(/your drawing will sync/);
    // The offline copy has started (it opens once the page is idle): from now on it stores
    // each change as it comes.
    await until(async () => (await storedUpdates(tablet, 'offline')) > 0, {
      what: 'the offline copy',
    });
    const storedBefore = await storedUpdates(tablet, 'offline');
    await tablet.drag([
      [200, 200],
      [400, 260],
      [600, 220],
    ]);
    await tablet.drag([
      [200, 400],
      [500, 450],
    ]);
    expect(await strokeCount(tablet)).toBe(2);

    // Reloading without a connection: the shell comes from the service worker and the
    // strokes from IndexedDB. IndexedDB writes are asynchronous: a reload in the very
    // same instant as the last stroke could lose that stroke, so wait until both are in.
    await until(async () => (await storedUpdates(tablet, 'offline')) >= storedBefore + 2, {
      what: 'both strokes in the offline copy',
    });
    await tablet.page.reload();
    await expect.poll(() => strokeCount(tablet), { timeout: 10_000 }).toBe(2);
    expect(await strokeCount(table)).toBe(0);

    await tablet.page.context().setOffline(false);
    await tablet.waitForStatus('connected');
    await expect.poll(() => strokeCount(table), { timeout: 10_000 }).toBe(2);
  });

  for (const offlineMs of [3_000, 20_000]) {
    it(`offline for ${offlineMs / 1000} s while the table draws too: back online without a reload, both hold the union`, async () => {
      const boardId = `merge-${offlineMs / 1000}s`;
      const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
      const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
        name: 'Mia',
      });
      live.track(table, tablet);
      // One stroke each while online, seen by both: the board they share before the drop.
      await drawStrokes(table, 1, { x: 300, y: 150 });
      await drawStrokes(tablet, 1, { x: 100, y: 100 });
      await until(async () => (await strokeIds(table)).length === 2, {
        what: 'both online strokes',
      });
      await until(async () => (await strokeIds(tablet)).length === 2, {
        what: 'both online strokes',
      });
      const refusedBefore = await refusals(live.server.url);

      const wentOffline = Date.now();
      await tablet.page.context().setOffline(true);
      await tablet.waitForStatus('offline');
      // Both sides draw while apart.
      await drawStrokes(tablet, 3, { x: 100, y: 300 });
      await drawStrokes(table, 2, { x: 900, y: 300 });
      const offlineStrokes = await strokeIds(tablet);
      const tableStrokes = await strokeIds(table);
      expect(offlineStrokes).toHaveLength(5);
      expect(tableStrokes).toHaveLength(4);
      // The rest of the time apart (the table keeps the board open meanwhile).
      await until(async () => Date.now() - wentOffline >= offlineMs, {
        timeout: offlineMs + 5_000,
        every: 200,
        what: `${offlineMs} ms offline`,
      });
      const union = [...new Set([...offlineStrokes, ...tableStrokes])].sort();
      expect(union).toHaveLength(7);

      // The sockets the tablet opens from now on that the server answered: the merge must
      // ride on the first one (no refusal, no close and reconnect loop in between).
      const answered = new Set<WebSocket>();
      tablet.page.on('websocket', (ws) => ws.on('framereceived', () => answered.add(ws)));
      const online = Date.now();
      await tablet.page.context().setOffline(false);
      await until(async () => JSON.stringify(await strokeIds(table)) === JSON.stringify(union), {
        what: "the tablet's offline strokes on the table",
      }).catch(async (error: Error) => {
        // Say why: a server closing the tablet's socket again and again shows here.
        throw new Error(
          `${error.message}; refusals: ${JSON.stringify(await refusals(live.server.url))}`,
        );
      });
      const mergeMs = Date.now() - online;
      await tablet.waitForStatus('connected');
      await until(async () => JSON.stringify(await strokeIds(tablet)) === JSON.stringify(union), {
        what: "the table's strokes on the tablet",
      });
      const unionOnTabletMs = Date.now() - online;
      if (offlineMs === 3_000) await screenshot(tablet, 'offline-merged-tablet');
      console.log(
        `offline ${offlineMs / 1000} s: merge took ${mergeMs} ms (online → union on the table); ` +
          `${unionOnTabletMs} ms until the tablet held it too`,
      );
      expect(answered.size).toBe(1);
      expect([...answered][0]!.isClosed()).toBe(false);

      // It stays connected and nothing was refused along the way.
      await expect
        .poll(async () => tablet.page.locator('.status').getAttribute('data-status'))
        .toBe('connected');
      const refusedAfter = await refusals(live.server.url);
      expect(refusedAfter.awareness ?? 0).toBe(refusedBefore.awareness ?? 0);
      expect(refusedAfter).toEqual(refusedBefore); // nothing else either
      expect(await strokeIds(table)).toEqual(union);
    });
  }

  it('in pencil mode, offline work refused because the pencil moved on is kept aside, and added once the student has the pencil', async () => {
    const boardId = 'pencil-offline';
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: 'Mia',
    });
    live.track(table, tablet);
    // Two seats (Fox near, Owl far) and only the pencil holder draws. Before any PIN is set,
    // the table runs the talking pencil.
    await table.setUpSeats(2);
    await table.pencilMode({ close: false });
    const give = (name: string) =>
      table.page.locator('.pencil-controls').getByRole('button', { name, exact: true }).click();
    const banner = tablet.page.getByRole('region', { name: 'Talking pencil' });
    await give('Mia');
    await expect.poll(() => banner.textContent()).toMatch(/You have the talking pencil/);
    await drawStrokes(tablet, 1, { x: 100, y: 260 });
    await until(async () => (await strokeIds(table)).length === 1, { what: "Mia's first stroke" });
    const before = await refusals(live.server.url);

    // Mia draws two strokes offline, still holding the pencil as far as her tablet knows…
    await tablet.page.context().setOffline(true);
    await tablet.waitForStatus('offline');
    await drawStrokes(tablet, 2, { x: 100, y: 380 });
    const confirmed = await strokeIds(table);
    const mine = (await strokeIds(tablet)).filter((id) => !confirmed.includes(id));
    expect(mine).toHaveLength(2);
    // …while the pencil moves on to Fox, who draws on the table.
    await give('Fox');
    await table.page.getByTestId('pencil-at-seat-1').waitFor();
    await multiTouch(table.page, [line(650, 620, 950, 660, 10)]);
    await until(async () => (await strokeIds(table)).length === 2, { what: "Fox's stroke" });
    const tableStrokes = await strokeIds(table);

    await tablet.page.context().setOffline(false);
    // The server refuses the merged offline work once (4403); the tablet keeps Mia's two
    // strokes aside, reopens the board from the server and says so.
    const notice = tablet.page.getByTestId('kept-aside');
    await expect
      .poll(() => notice.textContent(), { timeout: 15_000 })
      .toBe(
        'The talking pencil is with Fox — your 2 strokes are kept aside. Ask for the pencil to add them.',
      );
    await tablet.waitForStatus('connected');
    await until(
      async () => JSON.stringify(await strokeIds(tablet)) === JSON.stringify(tableStrokes),
      {
        what: "the table's board on the tablet",
      },
    );
    expect(await tablet.page.getByTestId('notice').count()).toBe(0); // no "taken back"
    await screenshot(tablet, 'offline-kept-aside-tablet');
    const afterRefusal = await refusals(live.server.url);
    expect((afterRefusal.pencil ?? 0) - (before.pencil ?? 0)).toBe(1);
    expect(afterRefusal.awareness ?? 0).toBe(before.awareness ?? 0);

    // A reload does not lose them either.
    await tablet.page.reload();
    await tablet.waitForStatus('connected');
    await expect
      .poll(() => notice.textContent(), { timeout: 15_000 })
      .toMatch(/^The talking pencil is with Fox — your 2 strokes are kept aside/);

    // Mia gets the pencil: she may add them now, and they reach the table as she drew them.
    await give('Mia');
    await expect
      .poll(() => notice.textContent())
      .toBe('Your 2 strokes are kept aside. You can add them now.Add them');
    await tablet.page.getByRole('button', { name: 'Add them' }).click();
    await until(
      async () =>
        JSON.stringify(await strokeIds(table)) ===
        JSON.stringify([...tableStrokes, ...mine].sort()),
      { what: "Mia's kept strokes on the table" },
    );
    await expect.poll(() => notice.count()).toBe(0);
    await screenshot(tablet, 'offline-kept-aside-added');
    // Once the server has them, nothing is kept any more; nothing more was refused.
    await expect
      .poll(
        () =>
          tablet.page.evaluate((id) => localStorage.getItem(`roundtable.keptAside:${id}`), boardId),
        {
          timeout: 10_000,
        },
      )
      .toBeNull();
    expect((await refusals(live.server.url)).pencil ?? 0).toBe(afterRefusal.pencil ?? 0);
    expect(await strokeIds(tablet)).toEqual([...tableStrokes, ...mine].sort());
  });

  it('offline work that came back with a change the rules refuse goes on again by itself, without that change', async () => {
    const boardId = 'offline-refused-part';
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: 'Mia',
    });
    live.track(table, tablet);
    const before = await refusals(live.server.url);
    await tablet.page.context().setOffline(true);
    await tablet.waitForStatus('offline');
    await drawStrokes(tablet, 2, { x: 100, y: 300 });
    const mine = await strokeIds(tablet);
    // …and a dot, though no vote runs on this board: the server refuses the whole merge.
    await tablet.page.evaluate(() => {
      const { controller } = (
        window as unknown as {
          roundtable: {
            controller: {
              actorId: string;
              board: { votes: Map<string, { voterId: string; noteIds: string[] }> };
            };
          };
        }
      ).roundtable;
      controller.board.votes.set(controller.actorId, {
        voterId: controller.actorId,
        noteIds: [],
      });
    });

    const online = Date.now();
    await tablet.page.context().setOffline(false);
    await until(async () => JSON.stringify(await strokeIds(table)) === JSON.stringify(mine), {
      what: "Mia's strokes on the table",
    });
    console.log(
      `refused merge: strokes on the table ${Date.now() - online} ms after coming online`,
    );
    await expect
      .poll(() => tablet.page.getByTestId('notice').textContent())
      .toBe('Your 2 strokes are back on the board.OK');
    await tablet.waitForStatus('connected');
    expect(await tablet.page.getByTestId('kept-aside').count()).toBe(0);
    const votes = () =>
      table.page.evaluate(
        () =>
          (
            window as unknown as {
              roundtable: { controller: { board: { votes: Map<string, unknown> } } };
            }
          ).roundtable.controller.board.votes.size,
      );
    expect(await votes()).toBe(0);
    const after = await refusals(live.server.url);
    expect((after.vote ?? 0) - (before.vote ?? 0)).toBe(1); // once, not in a loop
    await expect
      .poll(
        () =>
          tablet.page.evaluate((id) => localStorage.getItem(`roundtable.keptAside:${id}`), boardId),
        { timeout: 10_000 },
      )
      .toBeNull();
    expect(await strokeIds(tablet)).toEqual(mine);
  });
});
