import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/commands/command';
import { addElement } from '../src/commands/elements';
import { addStroke } from '../src/commands/strokes';
import { localOrigin } from '../src/doc/origins';
import { noteTextBox } from '../src/elements/note';
import { boardsToPdf } from '../src/export/board-pdf';
import { paperForLocale, paperSize, participantNames, pdfSafeText } from '../src/export/pdf-page';
import { embeddedRuns } from '../src/export/pdf-text';
import { layoutTextBox } from '../src/render/text-layout';
import { readPdf } from '../src/testing/pdf-text';
import { handDrawnStroke, newBoard } from './fixtures';

/** A 1x1 PNG: red. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);
const NOTE = 'Instagram because my friends post pictures every day';

function posterBoard(wide: boolean) {
  const board = newBoard();
  const as = localOrigin('seat-1');
  runCommand(
    board,
    addStroke,
    { authorId: 'seat-1', tool: 'pen', color: '#e03131', width: 6, points: handDrawnStroke(40) },
    as,
  );
  const note = { type: 'note', authorId: 'seat-1', y: 0, w: 320, h: 320, rotation: 0 } as const;
  runCommand(board, addElement, { ...note, x: 0, color: '#ffe066', text: NOTE, fontSize: 36 }, as);
  runCommand(
    board,
    addElement,
    {
      type: 'image',
      authorId: 'seat-1',
      x: wide ? 2400 : 0,
      y: wide ? 0 : 2400,
      w: 300,
      h: 200,
      rotation: 0,
      assetId: 'b'.repeat(64),
      alt: 'our model',
    },
    as,
  );
  board.participants.set('p1', {
    id: 'p1',
    name: 'Mia',
    color: '#e03131',
    keyHash: null,
    joinedAt: 1,
  } as never);
  return board;
}

describe('boards as a PDF', () => {
  it('prints one page per board on the paper asked for, turned to suit each board', async () => {
    const bytes = await boardsToPdf(
      [
        {
          board: posterBoard(true),
          title: 'Group A',
          group: 'Class 5B',
          participants: ['Fox'],
          date: 0,
        },
        { board: posterBoard(false), title: 'Group B', participants: [], date: 0 },
      ],
      { paper: 'a4', title: 'Question poster', picture: async () => ({ bytes: PNG, type: 'png' }) },
    );
    const pdf = await readPdf(bytes);
    expect(pdf.title).toBe('Question poster');
    expect(pdf.pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([
      [842, 595],
      [595, 842],
    ]);
  });

  it('writes the title, group, date and names, and the notes as text in their board lines', async () => {
    const bytes = await boardsToPdf(
      [
        {
          board: posterBoard(true),
          title: 'Héroes digitales',
          group: 'Group A',
          participants: ['Fox', 'Owl'],
          date: Date.UTC(2026, 2, 2),
        },
      ],
      { paper: 'letter', title: 'x', picture: async () => null },
    );
    const [page] = (await readPdf(bytes)).pages;
    expect([page!.width, page!.height]).toEqual([792, 612]);
    expect(page!.text.slice(0, 3)).toEqual([
      'Héroes digitales',
      'Group A · 2026-03-02',
      'Made by Fox, Owl',
    ]);
    const lines = layoutTextBox(noteTextBox({ text: NOTE, fontSize: 36, w: 320 })).map(
      (l) => l.text,
    );
    expect(page!.text.slice(3)).toEqual(lines);
  });

  it('embeds pictures, and draws ink as vector paths (no page-sized raster)', async () => {
    let asked = 0;
    const bytes = await boardsToPdf(
      [{ board: posterBoard(true), title: 't', participants: [], date: 0 }],
      {
        paper: 'a4',
        title: 't',
        picture: async () => {
          asked++;
          return { bytes: PNG, type: 'png' };
        },
      },
    );
    expect(asked).toBe(1);
    const raw = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    expect(raw.match(/\/Subtype \/Image/g)).toHaveLength(1);
    expect(raw).toMatch(/\/Width 1\s/);
  });

  it('picks Letter for North American locales and A4 elsewhere', () => {
    expect(paperForLocale('en-US')).toBe('letter');
    expect(paperForLocale('es-MX')).toBe('letter');
    expect(paperForLocale('en-GB')).toBe('a4');
    expect(paperForLocale('fr')).toBe('a4');
    expect(paperForLocale('ar-EG')).toBe('a4');
    expect(paperSize('letter', 'landscape')).toEqual([792, 612]);
  });

  it('writes what its fonts cannot with a stand-in, and names who took part', () => {
    expect(pdfSafeText('Café – “ok”')).toBe('Café – “ok”');
    expect(pdfSafeText('مرحبا 🎉')).toBe('????? ?');
    expect(participantNames(posterBoard(true))).toEqual(['Mia']);
  });

  it('writes Arabic (joined, right to left) and Central European letters in embedded fonts', async () => {
    const board = newBoard();
    const as = localOrigin('seat-1');
    const at = { authorId: 'seat-1', rotation: 0 } as const;
    const note = { ...at, type: 'note', x: 0, y: 0, w: 320, h: 320, color: '#ffe066' } as const;
    runCommand(board, addElement, { ...note, text: 'مرحبا Mia', fontSize: 36 }, as);
    const text = { ...at, type: 'text', x: 0, y: 400, w: 900, color: '#1f2a44' } as const;
    runCommand(board, addElement, { ...text, text: 'Zażółć café', fontSize: 32 }, as);
    let asked = 0;
    const bytes = await boardsToPdf(
      [{ board, title: 'شكرا', participants: ['Łucja', 'Mia'], date: Date.UTC(2026, 2, 2) }],
      {
        paper: 'a4',
        title: 'شكرا',
        picture: async () => null,
        fonts: async () => {
          asked++;
          return plexFonts();
        },
      },
    );
    expect(asked).toBe(1);
    const { text: shown } = (await readPdf(bytes)).pages[0]!;
    const written = shown.join('');
    expect(written).not.toContain('?');
    // Arabic is drawn in visual order (right to left): read back glyph by glyph, a word runs
    // backwards.
    const visual = (arabic: string) => [...arabic].reverse().join('');
    expect(written).toContain(visual('شكرا'));
    expect(written).toContain(`Mia${visual('مرحبا ')}`);
    expect(written).toContain('Zażółć café');
    expect(written).toContain('Made by Łucja, Mia');
  });

  it('joins Arabic letters and puts mixed lines in visual order', async () => {
    const pdf = await PDFDocument.create();
    const helvetica = await pdf.embedFont(StandardFonts.Helvetica);
    const runs = await embeddedRuns(pdf, plexFonts());
    const glyphIds = (text: string) =>
      runs(text, helvetica).flatMap((run) => run.shaped?.glyphs.map((g) => g.id) ?? []);
    // Each letter of a word takes its joined form: not the glyph it has on its own.
    const alone = [...'شكرا'].reverse().flatMap(glyphIds);
    const joined = glyphIds('شكرا');
    expect(joined).toHaveLength(4);
    expect(joined.filter((id, i) => id !== alone[i]).length).toBeGreaterThanOrEqual(3);
    expect(glyphIds('لا')).toHaveLength(1); // lam-alef: one ligature
    // Left-to-right line: English, then Arabic; right-to-left line: the other way round.
    const order = (text: string) =>
      runs(text, helvetica).map((run) => (run.font === helvetica ? run.text : 'embedded'));
    expect(order('Hi مرحبا')).toEqual(['Hi ', 'embedded']);
    expect(order('مرحبا Mia')).toEqual(['Mia', 'embedded']);
  });

  it('asks for no font when the standard fonts can write every word', async () => {
    let asked = 0;
    await boardsToPdf([{ board: posterBoard(true), title: 'Café', participants: [], date: 0 }], {
      paper: 'a4',
      title: 'Café',
      picture: async () => null,
      fonts: async () => {
        asked++;
        throw new Error('not needed');
      },
    });
    expect(asked).toBe(0);
  });
});

/** The fonts the board app fetches for a PDF, as @fontsource ships them (WOFF). */
function plexFonts() {
  const file = (family: string, subset: string) =>
    new Uint8Array(
      readFileSync(
        createRequire(import.meta.url).resolve(
          `@fontsource/${family}/files/${family}-${subset}-400-normal.woff`,
        ),
      ),
    );
  return {
    arabic: file('ibm-plex-sans-arabic', 'arabic'),
    latin: file('ibm-plex-sans', 'latin'),
    latinExt: file('ibm-plex-sans', 'latin-ext'),
  };
}
