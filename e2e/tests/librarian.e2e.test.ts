import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { openDevice, saveScreenshot } from '../harness/browser';
import { boardStartedByLibrarian } from '../harness/librarian';
import { liveServer } from '../harness/live';

const live = liveServer({ LIBRARIAN_PIN: '2468' });

describe('the librarian on the table', () => {
  it('runs the talking pencil only after signing in with the PIN', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, '2468');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: 'Mia',
    });
    live.track(table, tablet);
    const pencilButton = table.page.getByRole('button', { name: 'Talking pencil' });
    await table.page.getByRole('button', { name: 'Librarian' }).waitFor();
    expect(await pencilButton.count()).toBe(0);

    await table.page.getByRole('button', { name: 'Librarian' }).click();
    await table.page.getByLabel('Librarian PIN').fill('1111');
    await table.page.getByRole('button', { name: 'Sign in' }).click();
    expect(await table.page.getByRole('alert').textContent()).toMatch(/not right/);
    await saveScreenshot(table.page, 'librarian-sign-in');
    await table.page.getByLabel('Librarian PIN').fill('2468');
    await table.page.getByRole('button', { name: 'Sign in' }).click();

    await pencilButton.click();
    await table.page.getByRole('button', { name: 'Only the pencil holder' }).click();
    // The tablet is the only participant here (no seats): the pencil goes to Mia.
    const banner = tablet.page.getByRole('region', { name: 'Talking pencil' });
    await expect.poll(() => banner.textContent()).toMatch(/You have the talking pencil/);
  });
});

describe('the librarian’s home', () => {
  it('signs in at /, starts a board, and sees it among the boards with a live thumbnail', async () => {
    const { page, context } = await openDevice(live.browser, 'table', `${live.server.url}/`);
    live.track({ dispose: () => context.close() } as BoardPage);
    await page.getByLabel('Librarian PIN').fill('2468');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('New board title').fill('Group B – question poster');
    await page.getByRole('button', { name: 'New board' }).click();
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]+\?layout=table$/);
    await page.locator('.status[data-status="connected"]').waitFor();
    await page.goto(`${live.server.url}/`);
    const card = page.locator('.board-card', { hasText: 'Group B – question poster' });
    await card.waitFor();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.board-card img')).every(
        (img) => (img as HTMLImageElement).naturalWidth > 0,
      ),
    );
    await saveScreenshot(page, 'librarian-home');
  });
});

describe('boards only the librarian starts', () => {
  it('a student who types a made-up board address is told so, and where to go', async () => {
    const { page, context, consoleErrors } = await openDevice(
      live.browser,
      'tablet',
      `${live.server.url}/b/made-up-board?layout=tablet`,
    );
    live.track({ dispose: () => context.close() });
    await page.getByRole('heading', { name: 'There is no board “made-up-board”' }).waitFor();
    await page.getByRole('link', { name: /Join a board/ }).waitFor();
    // The refused socket is the only complaint: the server said 404 at the upgrade.
    expect(consoleErrors.every((e) => /made-up-board/.test(e))).toBe(true);
    await page.getByLabel('Librarian PIN').waitFor();
    await saveScreenshot(page, 'no-such-board');
  });
});
