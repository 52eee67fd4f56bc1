import {
  moveText,
  type PDFDocument,
  type PDFFont,
  PDFHexString,
  type PDFName,
  type PDFOperator,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import { pdfCanWrite, pdfSafeText } from './pdf-page';
import { woffToSfnt } from './woff';

/**
 * Fonts for what the PDF's standard fonts cannot write, of one design: IBM Plex Sans Arabic's
 * `arabic` file and IBM Plex Sans's `latin` and `latin-ext` (WOFF or TTF, as @fontsource
 * ships them). The caller loads them: a browser fetches, Node reads.
 */
export interface PdfFontFiles {
  arabic: Uint8Array;
  latin: Uint8Array;
  latinExt: Uint8Array;
}

/** A piece of a line in one font, in drawing order (left to right). */
export interface TextRun {
  text: string;
  font: PDFFont;
  /**
   * An embedded font's glyphs as fontkit shaped and placed them (Arabic marks sit on their
   * letters by the font's own positions), in em units from the run's start; none for a
   * standard font, which the viewer advances itself.
   */
  shaped?: { glyphs: { id: number; x: number; y: number }[]; width: number };
}

/** How wide a run is at `size`, in points. */
export const runWidth = (run: TextRun, size: number) =>
  run.shaped ? run.shaped.width * size : run.font.widthOfTextAtSize(run.text, size);

/**
 * The operators that write runs one after the other from where a text object starts (inside
 * BT … ET): a standard font's run as one string, an embedded font's glyph by glyph at its
 * shaped place (each `Td` is from the line's start, so the viewer's own advance never adds up).
 */
export function runOperators(
  runs: readonly TextRun[],
  size: number,
  fontName: (font: PDFFont) => PDFName,
): PDFOperator[] {
  const ops: PDFOperator[] = [];
  let at = { x: 0, y: 0 };
  const moveTo = (x: number, y: number) => {
    if (x !== at.x || y !== at.y) ops.push(moveText(x - at.x, y - at.y));
    at = { x, y };
  };
  let pen = 0;
  for (const run of runs) {
    ops.push(setFontAndSize(fontName(run.font), size));
    const encoded = run.font.encodeText(run.text); // also what the font's widths and ToUnicode list
    if (!run.shaped) {
      moveTo(pen, 0);
      ops.push(showText(encoded));
    } else {
      for (const glyph of run.shaped.glyphs) {
        moveTo(pen + glyph.x * size, glyph.y * size);
        ops.push(showText(PDFHexString.of(glyph.id.toString(16).padStart(4, '0'))));
      }
    }
    pen += runWidth(run, size);
  }
  return ops;
}

/** Splits a line into the runs that write it; `standard` is the line's standard font. */
export type TextRuns = (text: string, standard: PDFFont) => TextRun[];

const plain = (text: string) => text.normalize('NFC').replace(/\t/g, ' ');

/** Whether any of these texts needs more than the standard fonts (WinAnsi) can write. */
export function needsFontFiles(texts: Iterable<string>): boolean {
  for (const text of texts) {
    for (const char of plain(text)) if (!pdfCanWrite(char)) return true;
  }
  return false;
}

/** The standard fonts only: what they cannot write shows as "?". */
export const standardRuns: TextRuns = (text, standard) => [
  { text: pdfSafeText(text), font: standard },
];

// fontkit turns a run it sees as Arabic script right to left itself (and shapes it).
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/**
 * Runs that write Arabic and Central European letters too: the fonts are embedded, fontkit
 * shapes Arabic (joining forms, ligatures) and places its glyphs, and bidi-js puts mixed
 * right-to-left and left-to-right text in visual order (Unicode Bidirectional Algorithm).
 * fontkit and bidi-js load only here, when a board's text needs them.
 */
export async function embeddedRuns(pdf: PDFDocument, files: PdfFontFiles): Promise<TextRuns> {
  const [fontkitModule, { default: bidiFactory }] = await Promise.all([
    import('@pdf-lib/fontkit'),
    import('bidi-js'),
  ]);
  // The package's module exports fontkit as its default; its types declare only the members.
  const fontkit = (fontkitModule as unknown as { default: typeof fontkitModule }).default;
  pdf.registerFontkit(fontkit);
  const bidi = bidiFactory();
  // Whole fonts, not subsets (fontkit's subsetter breaks some fonts' glyphs): glyph ids
  // are then the font's own, so the shaped glyphs below are written as they are.
  const sfnt = {
    arabic: await woffToSfnt(files.arabic),
    latin: await woffToSfnt(files.latin),
    latinExt: await woffToSfnt(files.latinExt),
  };
  const arabic = await pdf.embedFont(sfnt.arabic);
  const latin = await pdf.embedFont(sfnt.latin);
  const latinExt = await pdf.embedFont(sfnt.latinExt);
  // The same fonts as fontkit reads them: which letters each has, and how it shapes a run.
  const kits = new Map<PDFFont, ReturnType<typeof fontkit.create>>([
    [arabic, fontkit.create(sfnt.arabic)],
    [latin, fontkit.create(sfnt.latin)],
    [latinExt, fontkit.create(sfnt.latinExt)],
  ]);
  const has = (font: PDFFont) => (char: string) =>
    kits.get(font)!.hasGlyphForCodePoint(char.codePointAt(0)!);
  const [arabicHas, latinHas, latinExtHas] = [has(arabic), has(latin), has(latinExt)];
  const shape = (text: string, font: PDFFont): TextRun['shaped'] => {
    const kit = kits.get(font);
    if (!kit) return undefined;
    const { glyphs, positions } = kit.layout(text);
    let pen = 0;
    const placed = glyphs.map((glyph, i) => {
      const { xAdvance, xOffset, yOffset } = positions[i]!;
      const at = { id: glyph.id, x: (pen + xOffset) / kit.unitsPerEm, y: yOffset / kit.unitsPerEm };
      pen += xAdvance;
      return at;
    });
    return { glyphs: placed, width: pen / kit.unitsPerEm };
  };
  /** The embedded design's Latin for a letter, if it has one. */
  const ownLatin = (char: string) => (latinHas(char) ? latin : latinExtHas(char) ? latinExt : null);

  const fontFor = (char: string, rtl: boolean, standard: PDFFont): PDFFont | null => {
    if (rtl && arabicHas(char)) return arabic;
    if (pdfCanWrite(char)) return standard;
    if (arabicHas(char)) return arabic;
    return ownLatin(char);
  };

  return (raw, standard) => {
    const text = plain(raw);
    const { levels } = bidi.getEmbeddingLevels(text);
    const chars: { char: string; font: PDFFont | null; level: number }[] = [];
    let index = 0;
    for (const char of text) {
      const level = levels[index] ?? 0;
      index += char.length;
      chars.push({ char, font: fontFor(char, level % 2 === 1, standard), level });
    }
    // A word with a letter the standard fonts lack is written all in the embedded design.
    for (const word of text.matchAll(/\S+/gu)) {
      const start = [...text.slice(0, word.index)].length;
      const letters = chars.slice(start, start + [...word[0]].length);
      if (!letters.some((c) => c.font === latin || c.font === latinExt)) continue;
      for (const c of letters) if (c.font !== arabic) c.font = ownLatin(c.char) ?? c.font;
    }
    // Pieces in logical order, each of one embedding level and one font.
    const pieces: { text: string; font: PDFFont; level: number }[] = [];
    for (const { char, font, level } of chars) {
      const written = font ? char : '?';
      const last = pieces.at(-1);
      if (last && last.level === level && last.font === (font ?? standard)) last.text += written;
      else pieces.push({ text: written, font: font ?? standard, level });
    }
    // A right-to-left piece that fontkit will not turn (no Arabic letter in it) is turned
    // here, its brackets mirrored.
    for (const piece of pieces) {
      if (piece.level % 2 === 0 || (piece.font === arabic && ARABIC_LETTER.test(piece.text)))
        continue;
      piece.text = [...piece.text]
        .reverse()
        .map((char) => bidi.getMirroredCharacter(char) ?? char)
        .join('');
    }
    // Visual order (rule L2): from the highest level down to the lowest odd one, reverse
    // each stretch of pieces at that level or higher.
    const highest = Math.max(0, ...pieces.map((p) => p.level));
    const lowestOdd = Math.min(...pieces.map((p) => (p.level % 2 ? p.level : highest + 1)));
    for (let level = highest; level >= lowestOdd; level--) {
      for (let start = 0; start < pieces.length; start++) {
        if (pieces[start]!.level < level) continue;
        let end = start;
        while (end + 1 < pieces.length && pieces[end + 1]!.level >= level) end++;
        pieces.splice(start, end - start + 1, ...pieces.slice(start, end + 1).reverse());
        start = end;
      }
    }
    return pieces.map(({ text, font }) => ({ text, font, shaped: shape(text, font) }));
  };
}
