import type { Board } from '../doc/board';
import { seatsInTurnOrder } from '../seats/seat-layout';

/** Paper a school prints on: Letter in North America and a few others, A4 elsewhere. */
export type Paper = 'a4' | 'letter';

/** Where Letter is the usual paper (the region of a locale like "en-US" or "es-MX"). */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PR', 'PA']);

/** The paper for a locale ("en-US" → Letter, "fr-FR" or "ar" → A4). */
export function paperForLocale(locale: string): Paper {
  const region = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})\b/i.exec(locale)?.[1]?.toUpperCase();
  return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
}

/** Page width and height in PDF points (1/72 inch). */
export function paperSize(paper: Paper, orientation: 'portrait' | 'landscape'): [number, number] {
  const [w, h] = paper === 'letter' ? [612, 792] : [595.28, 841.89];
  return orientation === 'portrait' ? [w, h] : [h, w];
}

/** Characters the PDF's standard fonts (WinAnsi) can write. */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x17d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153,
  0x17e, 0x178,
]);

/** Whether the PDF's standard fonts can write this character. */
export function pdfCanWrite(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code)
  );
}

/**
 * Text as the standard fonts can write it: accents kept, a character they have no glyph for
 * (another script, an emoji) written as "?" — the board's own SVG and PNG keep those.
 */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\t') out += ' ';
    else if (pdfCanWrite(char)) out += char;
    else out += '?';
  }
  return out;
}

/** "2026-03-02": the default date on a page. */
export function formatPdfDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Who was at a board: its seats in turn, then its tablets. */
export function participantNames(board: Board): string[] {
  return [
    ...seatsInTurnOrder(board.seats.values()).map((s) => s.name),
    ...[...board.participants.values()].map((p) => p.name),
  ];
}
