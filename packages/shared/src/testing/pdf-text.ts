import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFPage,
  PDFRawStream,
} from 'pdf-lib';

/** What a test reads of a PDF: its pages' sizes in points and the text written on each. */
export interface PdfSummary {
  title: string | undefined;
  pages: { width: number; height: number; text: string[] }[];
}

/** WinAnsi's characters at 0x80–0x9F (the rest of it is Latin-1). */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Glyph code → text, from a font's ToUnicode CMap (how pdf-lib writes embedded fonts). */
type ToUnicode = Map<number, string>;

function hexText(hex: string): string {
  let text = '';
  for (let i = 0; i + 3 < hex.length; i += 4)
    text += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return text;
}

function parseToUnicode(cmap: string): ToUnicode {
  const map: ToUnicode = new Map();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(Number.parseInt(code!, 16), hexText(text!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, text] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const start = Number.parseInt(from!, 16);
      const first = Number.parseInt(text!, 16);
      for (let code = start; code <= Number.parseInt(to!, 16); code++) {
        map.set(code, String.fromCharCode(first + code - start));
      }
    }
  }
  return map;
}

/**
 * Text shown by `/Font size Tf` then `<hex> Tj` operators (how pdf-lib writes it): decoded
 * from WinAnsi for the standard fonts, through its ToUnicode CMap for an embedded font (two
 * bytes a glyph, in drawing order). A glyph the CMap does not map writes no character (a
 * shaped script's dots or marks, split off its letter).
 */
function shownText(content: string, fonts: Map<string, ToUnicode | null>): string[] {
  const texts: string[] = [];
  let font: ToUnicode | null = null;
  for (const match of content.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
    if (match[1] !== undefined) {
      font = fonts.get(match[1]) ?? null;
      continue;
    }
    const hex = match[2]!;
    let text = '';
    const step = font ? 4 : 2;
    for (let i = 0; i + step - 1 < hex.length; i += step) {
      const code = Number.parseInt(hex.slice(i, i + step), 16);
      if (font) text += font.get(code) ?? '';
      else
        text +=
          code >= 0x80 && code <= 0x9f ? WIN_ANSI_HIGH[code - 0x80] : String.fromCharCode(code);
    }
    texts.push(text);
  }
  return texts;
}

/** A page's fonts by resource name: an embedded font's ToUnicode, or null for a standard one. */
function pageFonts(page: PDFPage): Map<string, ToUnicode | null> {
  const fonts = new Map<string, ToUnicode | null>();
  const dict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [name, ref] of dict?.entries() ?? []) {
    const font = page.doc.context.lookup(ref, PDFDict);
    const toUnicode = page.doc.context.lookup(font.get(PDFName.of('ToUnicode')));
    fonts.set(
      name.decodeText(),
      toUnicode instanceof PDFRawStream ? parseToUnicode(streamText(toUnicode)) : null,
    );
  }
  return fonts;
}

const streamText = (stream: PDFRawStream) =>
  Array.from(decodePDFRawStream(stream).decode(), (b) => String.fromCharCode(b)).join('');

/** Parses a PDF (with pdf-lib) into what a test asserts on. */
export async function readPdf(bytes: Uint8Array): Promise<PdfSummary> {
  const pdf = await PDFDocument.load(bytes);
  return {
    title: pdf.getTitle(),
    pages: pdf.getPages().map((page) => {
      const contents = page.node.Contents();
      const streams =
        contents instanceof PDFArray
          ? contents.asArray().map((ref) => page.doc.context.lookup(ref))
          : [contents];
      const fonts = pageFonts(page);
      const text: string[] = [];
      for (const stream of streams) {
        if (!(stream instanceof PDFRawStream)) continue;
        text.push(...shownText(streamText(stream), fonts));
      }
      const { width, height } = page.getSize();
      return { width, height, text };
    }),
  };
}
