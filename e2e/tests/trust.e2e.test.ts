import { describe, expect, it } from 'vitest';
import { BoardPage, writeBehindOwnCheck } from '../harness/board-page';
import { openDevice, saveScreenshot } from '../harness/browser';
import { boardStartedByLibrarian } from '../harness/librarian';
import { liveServer } from '../harness/live';
import { refusals, until } from '../harness/offline';
import { serverStrokeAuthors } from '../harness/server-board';
import { line, multiTouch } from '../harness/touch';

const PIN = '2468';

const strokeAuthors = async (board: BoardPage) =>
  (await board.elements())
    .filter((e) => e.type === 'stroke')
    .map((e) => e.authorId)
    .sort();

const trustNotice = (board: BoardPage) => board.page.getByTestId('trust-notice');

describe('the table the librarian enrolled', () => {
  // A shared screen's session locks after one minute unused (the shortest the server takes).
  const live = liveServer({ LIBRARIAN_PIN: PIN, LIBRARIAN_IDLE_MINUTES: '1' });

  it('is made a table from its own Librarian panel; a second table screen cannot draw for a seat', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Who is the table');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    live.track(table);
    // Not yet a table: it says so, and offers no seats.
    await expect.poll(() => trustNotice(table).textContent()).toMatch(/not an enrolled table/);
    expect(await table.page.getByRole('button', { name: 'Set up seats' }).count()).toBe(0);

    // The librarian signs in on the table and makes it a table.
    await table.page.getByRole('button', { name: 'Librarian' }).click();
    await table.page.getByLabel('Librarian PIN').fill(PIN);
    await table.page.getByRole('button', { name: 'Sign in' }).click();
    await table.page.locator('button[aria-label^="Librarian"][aria-pressed="true"]').click();
    const panel = table.page.getByRole('dialog', { name: 'Librarian sign-in' });
    expect(await panel.getByLabel('Name of this table').inputValue()).toBe('Library table');
    await saveScreenshot(table.page, 'trust-panel-not-enrolled');
    await panel.getByRole('button', { name: 'Make this screen a table' }).click();
    await expect
      .poll(() => panel.getByTestId('table-enrolled').textContent())
      .toBe('This screen is the table: Library table');
    await trustNotice(table).waitFor({ state: 'detached' });
    await table.waitForStatus('connected'); // its socket reopened, now carrying the table's cookie
    await saveScreenshot(table.page, 'trust-panel-enrolled');
    await panel.getByRole('button', { name: 'Close' }).click();

    // Two seats; the talking pencil goes to Fox (seat 1, the near side).
    await table.setUpSeats(2);
    await table.pencilMode();
    await table.page.getByTestId('pencil-at-seat-1').waitFor();

    // A second screen opens the board as a table, without the table's cookie.
    const impostor = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    live.track(impostor);
    await expect.poll(() => trustNotice(impostor).textContent()).toMatch(/not an enrolled table/);
    await impostor.page.getByTestId('pencil-at-seat-1').waitFor();
    await saveScreenshot(impostor.page, 'trust-impostor');
    // In Fox's turn, a finger in Fox's place draws nothing there, and is told why.
    await multiTouch(impostor.page, [line(800, 800, 1100, 850, 10)]);
    await expect
      .poll(() => impostor.page.getByTestId('notice').textContent())
      .toMatch(/not an enrolled table/);
    expect(await strokeAuthors(impostor)).toEqual([]);

    // Positive control: Fox draws on the enrolled table. The impostor sees that stroke, so
    // it is connected and synced, and nothing of its own ever went out.
    await multiTouch(table.page, [line(800, 800, 1100, 850, 10)]);
    await expect.poll(() => strokeAuthors(impostor)).toEqual(['seat-1']);
    expect(await strokeAuthors(table)).toEqual(['seat-1']);
    expect(await serverStrokeAuthors(live.server.url, boardId)).toEqual(['seat-1']);
    // It was never refused (it never tried), so nobody at it was bounced.
    expect((await refusals(live.server.url)).pencil ?? 0).toBe(0);
    await impostor.waitForStatus('connected');

    // A screen that skips its own check and writes as Fox anyway is refused by the server.
    await writeBehindOwnCheck(impostor.page, 'impostor');
    await until(async () => ((await refusals(live.server.url)).pencil ?? 0) === 1, {
      what: 'the server to refuse the impostor’s stroke',
    });
    expect(await serverStrokeAuthors(live.server.url, boardId)).toEqual(['seat-1']);
    expect(await strokeAuthors(table)).toEqual(['seat-1']);

    // The librarian revokes the table from the home page: it is a plain screen again, says
    // so, and its seats stop drawing.
    const home = await openDevice(live.browser, 'table', `${live.server.url}/`);
    live.track({ dispose: () => home.context.close() });
    await home.page.getByLabel('Librarian PIN').fill(PIN);
    await home.page.getByRole('button', { name: 'Sign in' }).click();
    const enrolled = home.page
      .getByRole('region', { name: 'Enrolled tables' })
      .getByRole('listitem');
    // A new page, a sign-in and the tables' list: past expect.poll's 5 s once on a loaded
    // 2-core machine.
    await expect
      .poll(() => enrolled.allTextContents(), { timeout: 20_000 })
      .toEqual([expect.stringMatching(/^Library tableEnrolled .*Revoke$/)]);
    home.page.once('dialog', (dialog) => void dialog.accept());
    await enrolled.getByRole('button', { name: 'Revoke' }).click();
    await enrolled.waitFor({ state: 'detached' });
    await expect.poll(() => trustNotice(table).textContent()).toMatch(/not an enrolled table/);
    await multiTouch(table.page, [line(800, 900, 1100, 950, 10)]);
    await expect
      .poll(() => table.page.getByTestId('notice').textContent())
      .toMatch(/not an enrolled table/);
    expect(await serverStrokeAuthors(live.server.url, boardId)).toEqual(['seat-1']);
  });

  it('the librarian’s session on the table locks again once the table is left alone', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Left alone');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    live.track(table);
    await table.page.getByRole('button', { name: 'Librarian' }).click();
    await table.page.getByLabel('Librarian PIN').fill(PIN);
    await table.page.getByRole('button', { name: 'Sign in' }).click();
    const signedIn = table.page.locator('button[aria-label^="Librarian"][aria-pressed="true"]');
    await signedIn.waitFor();
    await table.page.getByRole('button', { name: 'Talking pencil' }).waitFor();
    // The table asked for a shared screen's session: the server says when it locks.
    const { locksAt } = await table.page.evaluate(async () =>
      (await fetch('/api/librarian')).json(),
    );
    expect(locksAt).toBeGreaterThan(Date.now());

    // Nobody touches it for a minute: it is signed out, and asks for the PIN again.
    await signedIn.waitFor({ state: 'detached', timeout: 90_000 });
    expect(await table.page.getByRole('button', { name: 'Talking pencil' }).count()).toBe(0);
    await table.page.getByRole('button', { name: 'Librarian' }).click();
    await table.page.getByLabel('Librarian PIN').waitFor();
  }, 120_000);
});

describe('a fresh install', () => {
  const live = liveServer();

  it('says it is unprotected, and sets the PIN only with the setup code the server printed', async () => {
    await until(async () => live.server.setupCode() !== null, { what: 'the setup code' });
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'first-lesson');
    live.track(table);
    await expect.poll(() => trustNotice(table).textContent()).toMatch(/no librarian PIN yet/);

    // At the home page, a wrong setup code is refused, saying where the right one is.
    const home = await openDevice(live.browser, 'table', `${live.server.url}/`);
    live.track({ dispose: () => home.context.close() });
    await expect
      .poll(() => home.page.getByRole('status').first().textContent())
      .toBe('This library has no librarian PIN yet: the class is not protected until one is set.');
    expect(await home.page.getByText(/printed in the server’s console/).count()).toBe(1);
    await home.page.getByLabel('Setup code').fill('WXYZ-2345');
    await home.page.getByLabel('Librarian PIN').fill('1357');
    await home.page.getByRole('button', { name: 'Set the PIN and sign in' }).click();
    await expect
      .poll(() => home.page.getByRole('alert').textContent())
      .toMatch(/That setup code is not right.*console/);
    await saveScreenshot(home.page, 'trust-setup-code-wrong');

    // On the table, the printed code sets the PIN and signs the librarian in there.
    await table.page.getByRole('button', { name: 'Librarian' }).click();
    await table.page.getByLabel('Setup code').fill(live.server.setupCode()!);
    await table.page.getByLabel('Librarian PIN').fill('1357');
    await table.page.getByRole('button', { name: 'Set the PIN and sign in' }).click();
    await table.page.locator('button[aria-label^="Librarian"][aria-pressed="true"]').waitFor();
    // Protected now, and this screen is not yet a table: it says that instead.
    await expect.poll(() => trustNotice(table).textContent()).toMatch(/not an enrolled table/);
    const state = await (await fetch(`${live.server.url}/api/librarian`)).json();
    expect(state).toMatchObject({ pinSet: true, signedIn: false });

    // The home page no longer offers to set a PIN: it asks for it.
    await home.page.reload();
    await home.page.getByText('Enter the librarian PIN.').waitFor();
    expect(await home.page.getByText(/no librarian PIN yet/).count()).toBe(0);
  });
});
