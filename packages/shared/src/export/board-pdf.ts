import {
  beginText,
  concatTransformationMatrix,
  endText,
  moveText,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
  setFillingColor,
} from 'pdf-lib';
import { type Board, listElements } from '../doc/board';
import { contentBounds } from '../render/board-svg';
import { elementOperators, type Resources } from './pdf-elements';
import { formatPdfDate, type Paper, paperSize, pdfSafeText } from './pdf-page';
import {
  embeddedRuns,
  needsFontFiles,
  type PdfFontFiles,
  runOperators,
  runWidth,
  standardRuns,
  type TextRuns,
} from './pdf-text';

export type { Paper } from './pdf-page';
export { paperForLocale } from './pdf-page';
export type { PdfFontFiles } from './pdf-text';

/** One page: a board and what the page says about it. */
export interface PdfBoardPage {
  board: Board;
  title: string;
  group?: string;
  participants: readonly string[];
  /** When it was made (ms since 1970). */
  date: number;
}

/** A picture's bytes as a PDF can hold them. */
export interface PdfPicture {
  bytes: Uint8Array;
  type: 'png' | 'jpeg';
}

export interface BoardPdfOptions {
  paper: Paper;
  /** The document's title (its properties, the viewer's window). */
  title: string;
  /** The board's pictures: null leaves an empty frame where one cannot be had. */
  picture: (assetId: string) => Promise<PdfPicture | null>;
  /** How a date is written on the page ("2 March 2026"); defaults to ISO. */
  formatDate?: (ms: number) => string;
  /** The page's words in the reader's language; English by default. */
  words?: PdfWords;
  /**
   * Fonts for text the standard fonts cannot write (Arabic, Central European letters), asked
   * for only when a page has such text; without them that text shows as "?".
   */
  fonts?: () => Promise<PdfFontFiles>;
}

/** What a page says besides the board's own title and names. */
export interface PdfWords {
  /** The title of a board that has none. */
  untitled: string;
  /** "Made by Mia, Leo and Fox". */
  madeBy: (names: readonly string[]) => string;
}

const ENGLISH: PdfWords = {
  untitled: 'Board',
  madeBy: (names) => `Made by ${names.join(', ')}`,
};

const MARGIN = 40;
const INK = rgb(0.12, 0.16, 0.27);
const GREY = rgb(0.36, 0.4, 0.47);

/**
 * Boards as a printable PDF, one page per board, with pdf-lib: A4 or Letter, turned to suit
 * the board; each page has the title, the group, the date and who took part, then the board
 * drawn as vectors (ink as its outlines, shapes, notes and text as real text in the same
 * lines as on the board) with pictures embedded. Works in Node and in the browser.
 */
export async function boardsToPdf(
  pages: readonly PdfBoardPage[],
  options: BoardPdfOptions,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafeText(options.title));
  pdf.setProducer('Roundtable');
  pdf.setCreator('Roundtable');
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const when = options.formatDate ?? formatPdfDate;
  const words = options.words ?? ENGLISH;
  const runs =
    options.fonts && needsFontFiles(pageTexts(pages, when, words))
      ? await embeddedRuns(pdf, await options.fonts())
      : standardRuns;
  const images = new Map<string, Promise<PDFImage | null>>();
  const image = (assetId: string) => {
    let pending = images.get(assetId);
    if (!pending) {
      pending = options.picture(assetId).then(
        (picture) =>
          picture === null
            ? null
            : picture.type === 'png'
              ? pdf.embedPng(picture.bytes)
              : pdf.embedJpg(picture.bytes),
        () => null,
      );
      pending = pending.catch(() => null);
      images.set(assetId, pending);
    }
    return pending;
  };

  for (const entry of pages) {
    const view = contentBounds(entry.board);
    const [w, h] = paperSize(options.paper, view.w >= view.h ? 'landscape' : 'portrait');
    const page = pdf.addPage([w, h]);
    const fontName = pageFontNames(page);
    let top = h - MARGIN;
    top = header(page, entry, {
      bold,
      regular,
      top,
      width: w,
      date: when(entry.date),
      words,
      runs,
      fontName,
    });

    // The board in the room left, as large as fits, under the header, centred across.
    const room = { x: MARGIN, y: MARGIN, w: w - MARGIN * 2, h: top - 12 - MARGIN };
    const scale = Math.min(room.w / view.w, room.h / view.h);
    const drawnW = view.w * scale;
    const drawnH = view.h * scale;
    const left = room.x + (room.w - drawnW) / 2;
    const bottom = room.y + room.h - drawnH;
    page.drawRectangle({
      x: left,
      y: bottom,
      width: drawnW,
      height: drawnH,
      color: rgb(0.984, 0.98, 0.965),
      borderColor: rgb(0.85, 0.86, 0.88),
      borderWidth: 0.75,
    });

    const resources = await pageResources(pdf, page, entry.board, { bold, runs, fontName }, image);
    const operators: PDFOperator[] = [
      pushGraphicsState(),
      // Board units to the page: y runs down on the board, up on paper.
      concatTransformationMatrix(
        scale,
        0,
        0,
        -scale,
        left - view.x * scale,
        bottom + drawnH + view.y * scale,
      ),
    ];
    for (const element of listElements(entry.board)) {
      operators.push(...elementOperators(element, resources));
    }
    operators.push(popGraphicsState());
    page.pushOperators(...operators);
  }
  return pdf.save();
}

/** Every text the pages write: whether the standard fonts are enough. */
function* pageTexts(pages: readonly PdfBoardPage[], when: (ms: number) => string, words: PdfWords) {
  yield words.untitled;
  for (const entry of pages) {
    yield entry.title;
    yield entry.group ?? '';
    yield when(entry.date);
    if (entry.participants.length > 0) yield words.madeBy(entry.participants);
    for (const element of listElements(entry.board)) {
      if ('text' in element && typeof element.text === 'string') yield element.text;
    }
  }
}

/** The page's title, group · date, and names; returns where the board may start (its top). */
function header(
  page: PDFPage,
  entry: PdfBoardPage,
  {
    bold,
    regular,
    top,
    width,
    date,
    words,
    runs,
    fontName,
  }: {
    bold: PDFFont;
    regular: PDFFont;
    top: number;
    width: number;
    date: string;
    words: PdfWords;
    runs: TextRuns;
    fontName: (font: PDFFont) => PDFName;
  },
): number {
  const room = width - MARGIN * 2;
  const lines: { text: string; font: PDFFont; size: number; color: typeof INK }[] = [];
  lines.push({ text: entry.title || words.untitled, font: bold, size: 20, color: INK });
  lines.push({
    text: [entry.group, date].filter(Boolean).join(' · '),
    font: regular,
    size: 11,
    color: GREY,
  });
  if (entry.participants.length > 0) {
    const names = words.madeBy(entry.participants);
    for (const line of wrapFor(names, regular, 10, room, runs))
      lines.push({ text: line, font: regular, size: 10, color: GREY });
  }
  let y = top;
  for (const line of lines) {
    y -= line.size * 1.2;
    const text = fitted(line.text, line.font, line.size, room, runs);
    page.pushOperators(
      pushGraphicsState(),
      setFillingColor(line.color),
      beginText(),
      moveText(MARGIN, y),
      ...runOperators(runs(text, line.font), line.size, fontName),
      endText(),
      popGraphicsState(),
    );
    y -= line.size * 0.25;
  }
  return y;
}

/** How wide a line is, in the fonts that write it. */
function widthOf(text: string, font: PDFFont, size: number, runs: TextRuns): number {
  return runs(text, font).reduce((sum, run) => sum + runWidth(run, size), 0);
}

/** A line cut (with an ellipsis) to fit `width`. */
function fitted(text: string, font: PDFFont, size: number, width: number, runs: TextRuns): string {
  if (widthOf(text, font, size, runs) <= width) return text;
  let cut = [...text];
  while (cut.length && widthOf(`${cut.join('')}…`, font, size, runs) > width)
    cut = cut.slice(0, -1);
  return `${cut.join('')}…`;
}

function wrapFor(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  runs: TextRuns,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && widthOf(candidate, font, size, runs) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.slice(0, 3);
}

/** A font's resource name on a page, added the first time it is used there. */
function pageFontNames(page: PDFPage): (font: PDFFont) => PDFName {
  const names = new Map<PDFFont, PDFName>();
  return (font) => {
    let name = names.get(font);
    if (!name) {
      name = page.node.newFontDictionary(font.name, font.ref);
      names.set(font, name);
    }
    return name;
  };
}

/** The fonts, pictures and see-through states a board's page refers to, by resource name. */
async function pageResources(
  pdf: PDFDocument,
  page: PDFPage,
  board: Board,
  text: { bold: PDFFont; runs: TextRuns; fontName: (font: PDFFont) => PDFName },
  image: (assetId: string) => Promise<PDFImage | null>,
): Promise<Resources> {
  const pictures = new Map<string, PDFName>();
  for (const element of listElements(board)) {
    if (element.type !== 'image' || pictures.has(element.assetId)) continue;
    const embedded = await image(element.assetId);
    if (embedded) pictures.set(element.assetId, page.node.newXObject('Image', embedded.ref));
  }
  const opacities = new Map<number, PDFName>();
  return {
    font: text.bold,
    fontName: text.fontName,
    runs: text.runs,
    picture: (assetId) => pictures.get(assetId) ?? null,
    opacity(alpha) {
      let name = opacities.get(alpha);
      if (!name) {
        const state = pdf.context.obj({ Type: 'ExtGState', ca: alpha, CA: alpha });
        name = page.node.newExtGState('GS', pdf.context.register(state));
        opacities.set(alpha, name);
      }
      return name;
    },
  };
}
