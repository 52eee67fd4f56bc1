import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { cuttableLink } from '../harness/cuttable-link';
import { liveServer } from '../harness/live';
import { until } from '../harness/offline';
import { serverConnections, serverPencil } from '../harness/server-board';

// A fresh install (no PIN): a `?layout=table` screen is the table, as in a first lesson.
const live = liveServer();

/**
 * A table with two seats and a tablet (Mia), in pencil mode: seat 1 (Fox) holds the pencil.
 * The table reaches the server through `tableUrl` (a link the test may cut).
 */
async function classroom(boardId: string, tableUrl = live.server.url) {
  const table = await BoardPage.open(live.browser, 'table', tableUrl, boardId);
  const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
    name: 'Mia',
  });
  live.track(table, tablet);
  await table.setUpSeats(2);
  await table.pencilMode();
  await table.page.getByTestId('pencil-at-seat-1').waitFor();
  await expect
    .poll(() => tablet.page.getByRole('region', { name: 'Talking pencil' }).textContent())
    .toMatch(/Fox has the talking pencil/);
  return { table, tablet };
}

/**
 * From now on, `board` writes down every holder of the pencil it is told of (`mode:holder`)
 * and every holder its screen shows (the tablet's banner, the seat with the pencil on the
 * table), each time it changes. Read with `pencilSeen`.
 */
function watchPencil(board: BoardPage): Promise<void> {
  return board.page.evaluate(() => {
    type Controller = {
      pencil(): { mode: string; holderId: string | null };
      subscribe(listener: (change: string) => void): () => void;
    };
    const w = window as unknown as {
      roundtable: { controller: Controller };
      pencilSeen: { told: string[]; shown: string[] };
    };
    const seen = { told: [] as string[], shown: [] as string[] };
    w.pencilSeen = seen;
    const add = (list: string[], entry: string) => {
      if (list.at(-1) !== entry) list.push(entry);
    };
    const { controller } = w.roundtable;
    const told = () => {
      const pencil = controller.pencil();
      add(seen.told, `${pencil.mode}:${pencil.holderId ?? 'librarian'}`);
    };
    const shown = () => {
      const banner = document.querySelector('.pencil-banner strong')?.textContent;
      const seat = document
        .querySelector('[data-testid^="pencil-at-"]')
        ?.getAttribute('data-testid');
      add(seen.shown, banner ?? seat ?? 'nobody shown');
    };
    told();
    shown();
    controller.subscribe((change) => {
      if (change === 'pencil') told();
    });
    new MutationObserver(shown).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

const pencilSeen = (board: BoardPage) =>
  board.page.evaluate(
    () => (window as unknown as { pencilSeen: { told: string[]; shown: string[] } }).pencilSeen,
  );

const holder = async (boardId: string) => (await serverPencil(live.server.url, boardId)).holderId;

describe('the talking pencil through a blip', () => {
  it('the table drops off the network for 3 s: its seat still holds the pencil, and the tablet never shows it elsewhere', async () => {
    const link = await cuttableLink(live.server.port);
    live.track({ dispose: () => link.close() });
    const { table, tablet } = await classroom('blip-offline', link.url);
    await watchPencil(tablet);
    // Wi-Fi drops: the table knows at once, and so does the server (its socket is cut).
    await table.page.context().setOffline(true);
    link.cut();
    await table.waitForStatus('offline');
    // The server has seen the table go (only the tablet is left on it)…
    await until(async () => (await serverConnections(live.server.url)) === 1, {
      what: 'the server to see the table leave',
    });
    const gone = Date.now();
    // …and while it is away, the turn stays with Fox.
    await until(async () => Date.now() - gone >= 3_000, { what: '3 s away' });
    expect(await holder('blip-offline')).toBe('seat-1');

    link.restore();
    await table.page.context().setOffline(false);
    await table.waitForStatus('connected');
    await until(async () => (await serverConnections(live.server.url)) === 2, {
      what: 'the table to be back',
    });
    await table.page.getByTestId('pencil-at-seat-1').waitFor();
    expect(await holder('blip-offline')).toBe('seat-1');
    expect(await pencilSeen(tablet)).toEqual({
      told: ['pencil:seat-1'],
      shown: ['Fox has the talking pencil'],
    });
  });

  it('the table reloads: its seat still holds the pencil', async () => {
    const { table, tablet } = await classroom('blip-reload');
    await watchPencil(tablet);
    await table.page.reload();
    await table.waitForStatus('connected');
    await table.page.getByTestId('pencil-at-seat-1').waitFor();
    expect(await holder('blip-reload')).toBe('seat-1');
    expect(await pencilSeen(tablet)).toEqual({
      told: ['pencil:seat-1'],
      shown: ['Fox has the talking pencil'],
    });
  });

  it('a tablet holding the pencil reloads and still holds it', async () => {
    const { table, tablet } = await classroom('blip-tablet');
    await table.page.getByRole('button', { name: 'Pass to…' }).click();
    await table.page.getByRole('button', { name: 'Mia', exact: true }).click();
    const banner = tablet.page.getByRole('region', { name: 'Talking pencil' });
    await expect.poll(() => banner.textContent()).toMatch(/You have the talking pencil/);
    const mia = await tablet.page.evaluate(() => localStorage.getItem('roundtable.device'));
    expect(await holder('blip-tablet')).toBe(mia);
    await watchPencil(table);

    await tablet.page.reload();
    await tablet.waitForStatus('connected');
    await expect.poll(() => banner.textContent()).toMatch(/You have the talking pencil/);
    expect(await holder('blip-tablet')).toBe(mia);
    // The table never saw the pencil leave Mia (it shows no seat holding it meanwhile).
    expect(await pencilSeen(table)).toEqual({ told: [`pencil:${mia}`], shown: ['nobody shown'] });
  });
});
