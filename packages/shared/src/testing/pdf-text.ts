import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

/** What a test reads of a PDF: its pages' sizes in points and the text written on each. */
export interface PdfSummary {
  title: string | undefined;
  pages: { width: number; height: number; text: string[] }[];
}

/** WinAnsi's characters at 0x80–0x9F (the rest of it is Latin-1). */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Text shown by `<hex> Tj` operators (how pdf-lib writes it), decoded from WinAnsi. */
function shownText(content: string): string[] {
  const texts: string[] = [];
  for (const match of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
    let text = '';
    for (let i = 0; i + 1 < match[1]!.length; i += 2) {
      const code = Number.parseInt(match[1]!.slice(i, i + 2), 16);
      text += code >= 0x80 && code <= 0x9f ? WIN_ANSI_HIGH[code - 0x80] : String.fromCharCode(code);
    }
    texts.push(text);
  }
  return texts;
}

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
      const text: string[] = [];
      for (const stream of streams) {
        if (!(stream instanceof PDFRawStream)) continue;
        const decoded = decodePDFRawStream(stream).decode();
        text.push(...shownText(Array.from(decoded, (b) => String.fromCharCode(b)).join('')));
      }
      const { width, height } = page.getSize();
      return { width, height, text };
    }),
  };
}
