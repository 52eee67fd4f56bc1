import { readFileSync } from 'node:fs';
import { readPdf } from '@roundtable/shared/testing';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { openDevice, saveScreenshot } from '../harness/browser';
import { boardStartedByLibrarian } from '../harness/librarian';
import { liveServer } from '../harness/live';
import { line, multiTouch } from '../harness/touch';

const live = liveServer({ LIBRARIAN_PIN: '2468' });

describe('exhibits', () => {
  it('the librarian saves a board, the gallery shows it, its page opens and exports a PNG', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, '2468', 'Superheroes');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    live.track(table);
    await multiTouch(table.page, [
      line(500, 300, 900, 500, 16),
      line(600, 600, 1200, 420, 16),
      line(1300, 300, 1400, 700, 16),
    ]);
    await table.tool('note');
    await table.page.mouse.click(1500, 300);
    await table.page.keyboard.type('Captain Library: reads at the speed of light');
    await table.page.mouse.click(200, 900);

    await table.page.getByRole('button', { name: 'Librarian' }).click();
    await table.page.getByLabel('Librarian PIN').fill('2468');
    await table.page.getByRole('button', { name: 'Sign in' }).click();
    await table.page.getByRole('button', { name: 'Save as exhibit' }).click();
    await table.page.getByLabel('Title').fill('Super Digital Superhero');
    await table.page.getByLabel('Group').fill('Group A');
    await table.page.getByLabel('Description').fill('Drawn together at the big table.');
    await table.page.getByLabel('Made by').fill('Fox, Owl');
    await table.page.getByRole('button', { name: 'Save to the gallery' }).click();
    await expect
      .poll(() => table.page.getByTestId('notice').textContent())
      .toMatch(/in the gallery/);

    // A student's tablet opens the gallery.
    const student = await openDevice(live.browser, 'tablet', `${live.server.url}/exhibits`);
    live.track({ dispose: () => student.context.close() });
    const card = student.page.locator('.exhibit-card');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toMatch(/Super Digital Superhero.*Group A/);
    await student.page.waitForFunction(
      () => (document.querySelector('.exhibit-card img') as HTMLImageElement).naturalWidth > 0,
    );
    await saveScreenshot(student.page, 'gallery');

    // A student cannot delete it.
    const id = (await card.getAttribute('data-exhibit'))!;
    const deleted = await student.page.evaluate(
      async (exhibit) => (await fetch(`/api/exhibits/${exhibit}`, { method: 'DELETE' })).status,
      id,
    );
    expect(deleted).toBe(403);

    await card.click();
    await student.page.locator('.exhibit-info h1').waitFor();
    expect(await student.page.locator('.exhibit-meta').textContent()).toMatch(
      /Group A · .* · Fox, Owl/,
    );
    expect(await student.page.locator('.exhibit-info h1').textContent()).toBe(
      'Super Digital Superhero',
    );
    await expect
      .poll(() =>
        student.page.evaluate(() => document.querySelectorAll('.board-canvas canvas').length),
      )
      .toBeGreaterThan(0);
    await saveScreenshot(student.page, 'exhibit');

    // Replay: the board empties, then comes back element by element.
    const shown = () =>
      student.page.evaluate(
        () =>
          (window as unknown as { roundtable: { elements(): unknown[] } }).roundtable.elements()
            .length,
      );
    expect(await shown()).toBe(4);
    await student.page.getByRole('button', { name: /Replay how it was made/ }).click();
    expect(await shown()).toBeLessThan(4);
    await student.page.getByRole('button', { name: '16x' }).click();
    await expect.poll(shown).toBe(4);
    expect(await student.page.getByTestId('replay').textContent()).toMatch(/4 \/ 4/);
    await student.page.getByRole('button', { name: 'Show it all' }).click();

    const downloading = student.page.waitForEvent('download');
    await student.page.getByRole('button', { name: 'Download PNG (4x)' }).click();
    const file = await (await downloading).path();
    const png = readFileSync(file!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: the picture is four times the board's content size, so wider than the screen.
    expect(png.readUInt32BE(16)).toBeGreaterThan(2000);

    const pdfDownload = student.page.waitForEvent('download');
    await student.page.getByRole('button', { name: 'Download PDF' }).click();
    const pdf = await readPdf(readFileSync((await (await pdfDownload).path())!));
    // One printable page (Letter for this en-US browser) with the exhibit's facts as text.
    expect(pdf.pages).toHaveLength(1);
    expect([pdf.pages[0]!.width, pdf.pages[0]!.height].sort()).toEqual([612, 792]);
    expect(pdf.pages[0]!.text.slice(0, 3)).toEqual([
      'Super Digital Superhero',
      expect.stringMatching(/^Group A · /),
      'Made by Fox, Owl',
    ]);
    // Students see no librarian actions; the librarian starts a new board from the exhibit.
    expect(await student.page.getByRole('button', { name: 'Delete exhibit' }).count()).toBe(0);
    await table.page.goto(`${live.server.url}/exhibits/${id}`);
    await table.page.getByRole('button', { name: 'New board from this exhibit' }).click();
    await table.page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/);
    await expect
      .poll(() =>
        table.page.evaluate(
          () =>
            (window as unknown as { roundtable?: { elements(): unknown[] } }).roundtable?.elements()
              .length,
        ),
      )
      .toBe(4);
  });

  it('the big screen shows exhibits one after another; an idle table shows them until touched', async () => {
    const screen = await openDevice(live.browser, 'table', `${live.server.url}/exhibits/show`);
    live.track({ dispose: () => screen.context.close() });
    await screen.page.locator('.slide img').waitFor();
    await screen.page.waitForFunction(
      () => (document.querySelector('.slide img') as HTMLImageElement).naturalWidth > 0,
    );
    expect(await screen.page.locator('.slide figcaption').textContent()).toMatch(
      /Super Digital Superhero/,
    );
    // The slide has faded in: its animations are over (a condition, not a pause).
    await screen.page.waitForFunction(() =>
      (document.querySelector('.slide')?.getAnimations({ subtree: true }) ?? []).every(
        (a) => a.playState === 'finished',
      ),
    );
    await saveScreenshot(screen.page, 'slideshow');

    // A table left alone for (here) 1.2 seconds shows the exhibits; a touch gives the board back.
    const table = await openDevice(
      live.browser,
      'table',
      `${live.server.url}/b/${await boardStartedByLibrarian(live.server.url, '2468')}?layout=table&attract=0.02`,
    );
    live.track({ dispose: () => table.context.close() });
    await table.page.getByTestId('slideshow').waitFor({ timeout: 10_000 });
    await table.page.mouse.click(600, 400);
    await table.page.getByTestId('slideshow').waitFor({ state: 'detached' });
    const strokes = await table.page.evaluate(
      () =>
        (window as unknown as { roundtable: { elements(): unknown[] } }).roundtable.elements()
          .length,
    );
    expect(strokes).toBe(0); // the waking touch drew nothing
  });
});
