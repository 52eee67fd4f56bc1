import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { openDevice, saveScreenshot } from '../harness/browser';
import { boardStartedByLibrarian, enrolledTable } from '../harness/librarian';
import { liveServer } from '../harness/live';

const PIN = '2468';
const live = liveServer({ LIBRARIAN_PIN: PIN }, { checkConsole: true });

async function signInOnTable(table: BoardPage) {
  await table.page.getByRole('button', { name: 'Librarian' }).click();
  await table.page.getByLabel('Librarian PIN').fill(PIN);
  await table.page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in, the panel closes; open it again for the librarian's actions.
  await table.page.locator('button[aria-label^="Librarian"][aria-pressed="true"]').click();
}

const banner = (page: Page) => page.getByRole('region', { name: 'Routine' });
const phase = (page: Page) => banner(page).getAttribute('data-phase');
/** The countdown as shown, in seconds. */
async function secondsShown(page: Page): Promise<number> {
  const text = (await banner(page).getByLabel('Time left').textContent()) ?? '';
  const [minutes, seconds] = text.split(':').map(Number);
  return minutes! * 60 + seconds!;
}

describe('a routine on the table and a tablet', () => {
  it('runs Think – Pair – Share through its phases; both show the same countdown', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Seasons');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    // The tablet's clock is Playwright's: time flows as usual until the test moves it on.
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: 'Mia',
      prepare: (context) => context.clock.install(),
    });
    live.track(table, tablet);
    await signInOnTable(table);
    await table.page.getByLabel('Routine', { exact: true }).selectOption('think-pair-share');
    await table.page.getByLabel('The question').fill('Why do we have seasons?');
    await table.page.getByRole('button', { name: 'Start on this board' }).click();

    // Everyone sees the first phase, waiting for the librarian: 1:30 to think.
    for (const device of [table, tablet]) {
      await expect.poll(() => phase(device.page)).toBe('Think');
      expect(await secondsShown(device.page)).toBe(90);
    }
    expect((await tablet.elements()).map((e) => e.text)).toContain('Why do we have seasons?');
    // A student cannot run the routine: the tablet has no controls.
    expect(await banner(tablet.page).getByRole('button', { name: 'Start' }).count()).toBe(0);

    await banner(table.page).getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => secondsShown(tablet.page), { timeout: 5_000 }).toBeLessThan(90);
    const [onTable, onTablet] = await Promise.all([
      secondsShown(table.page),
      secondsShown(tablet.page),
    ]);
    expect(Math.abs(onTable - onTablet)).toBeLessThanOrEqual(1);
    await saveScreenshot(table.page, 'routine-tps-table');
    await saveScreenshot(tablet.page, 'routine-tps-tablet');

    await banner(table.page).getByRole('button', { name: 'Pause' }).click();
    await expect
      .poll(() => banner(tablet.page).getByLabel('Time left').getAttribute('data-running'))
      .toBe('false');
    const paused = await secondsShown(tablet.page);
    // Ten seconds pass on the tablet at once: a countdown still running would show them.
    await tablet.page.clock.runFor(10_000);
    await tablet.nextFrames(2);
    expect(await secondsShown(tablet.page)).toBe(paused);

    await banner(table.page).getByRole('button', { name: 'Next: Pair' }).click();
    await expect.poll(() => phase(tablet.page)).toBe('Pair');
    await expect.poll(() => secondsShown(tablet.page), { timeout: 5_000 }).toBeLessThan(120);
    await banner(table.page).getByRole('button', { name: 'Next: Share' }).click();
    await expect.poll(() => phase(tablet.page)).toBe('Share');
    expect(await banner(tablet.page).getByLabel('Time left').count()).toBe(0);
  });
});

describe('groups', () => {
  it('starts a question poster for two groups; the overview shows both boards live; dots add up', async () => {
    const { page, context, consoleErrors } = await openDevice(
      live.browser,
      'table',
      `${live.server.url}/`,
    );
    live.track({ dispose: () => context.close(), consoleErrors });
    await page.getByLabel('Librarian PIN').fill(PIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const form = page.getByRole('region', { name: 'Routine for groups' });
    await form.getByLabel('Routine', { exact: true }).selectOption('question-poster');
    await form.getByLabel('Group 2 name').fill('Owls');
    await form.getByRole('button', { name: 'Start for 2 groups' }).click();
    await page.waitForURL(/\/routines\/[A-Za-z0-9_-]+$/);
    const cards = page.locator('.group-card');
    await expect.poll(() => cards.count()).toBe(2);
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.group-board img')).length === 2,
    );
    const groupA = await cards.nth(0).getAttribute('data-board-id');
    const owls = await cards.nth(1).getAttribute('data-board-id');
    expect(await cards.nth(1).locator('.group-name').inputValue()).toBe('Owls');

    // A tablet in Group A adds an answer: the overview's Group A picture follows.
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, groupA!, {
      name: 'Leo',
    });
    live.track(tablet);
    await expect.poll(() => phase(tablet.page)).toBe('Answer');
    const before = Number(await cards.nth(0).getAttribute('data-version'));
    await tablet.tool('note');
    await tablet.page.mouse.click(520, 560);
    await tablet.page.keyboard.type('TikTok');
    await tablet.page.mouse.click(900, 700);
    await expect
      .poll(() => cards.nth(0).getAttribute('data-version').then(Number))
      .toBeGreaterThan(before);
    await expect.poll(() => cards.nth(0).locator('.group-devices').textContent()).toBe('1 device');

    // While the class answers there are no dots to place.
    expect(await tablet.page.locator('.vote-dot').count()).toBe(0);

    // The librarian starts every group's clock from the overview.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect
      .poll(() => banner(tablet.page).getByLabel('Time left').getAttribute('data-running'))
      .toBe('true');

    // …then moves every group on to the vote. Leo votes for his note; the tally shows; his
    // budget goes down.
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => phase(tablet.page)).toBe('Vote');
    const dot = tablet.page.locator('.vote-dot').first();
    await dot.click();
    await expect.poll(() => dot.getAttribute('data-votes')).toBe('1');
    expect(await tablet.page.getByLabel('Dots left').textContent()).toBe('2 of 3 dots left');
    // …and the overview follows every group's clock.
    for (const card of [cards.nth(0), cards.nth(1)]) {
      await card.locator('.routine-clock[data-running="true"]').waitFor();
    }
    await saveScreenshot(page, 'routine-overview');

    // The tablet moves to the other group.
    await tablet.page.getByLabel('Move to group').selectOption(owls!);
    await tablet.page.waitForURL(new RegExp(`/b/${owls}`));
    // The tablet's app starts again on that board and joins it before the overview can
    // count it: on a loaded 2-core machine that took longer than expect.poll's 5 s.
    await expect
      .poll(() => cards.nth(1).locator('.group-devices').textContent(), { timeout: 20_000 })
      .toBe('1 device');
  });
});

describe('each template on the table', () => {
  it.each([
    ['see-think-wonder', 'I wonder…'],
    ['think-pair-share', 'Share'],
    ['question-poster', 'My preferred social media platform is…'],
    ['group-design-task', 'Create a Super Digital Superhero'],
  ])('%s', async (templateId, words) => {
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, templateId);
    // The library's table is enrolled: only then can its seats be set up.
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId, {
      prepare: enrolledTable(live.server.url, PIN),
    });
    live.track(table);
    await signInOnTable(table);
    await table.page.getByLabel('Routine', { exact: true }).selectOption(templateId);
    await table.page.getByRole('button', { name: 'Start on this board' }).click();
    await banner(table.page).waitFor();
    await expect.poll(async () => (await table.elements()).map((e) => e.text)).toContain(words);
    await table.setUpSeats(4);
    if (templateId === 'question-poster') {
      // In the Vote phase each seat sees its own dots on its toolbar.
      await banner(table.page).getByRole('button', { name: 'Next: Vote' }).click();
      await expect
        .poll(() => table.page.locator('.seat-toolbar .dots-left').allTextContents())
        .toEqual(['● 3', '● 3', '● 3', '● 3']);
    }
    await saveScreenshot(table.page, `template-${templateId}`);
  });
});
