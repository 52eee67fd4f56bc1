import latinUrl from '@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-400-normal.woff?url';
import latinExtUrl from '@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-ext-400-normal.woff?url';
// The files' addresses only: the fonts are fetched when a PDF has text that needs them.
import arabicUrl from '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-400-normal.woff?url';
import type { PdfFontFiles } from '@roundtable/shared/pdf';

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** IBM Plex Sans Arabic and IBM Plex Sans (one design), for text Helvetica cannot write. */
export async function pdfFonts(): Promise<PdfFontFiles> {
  const [arabic, latin, latinExt] = await Promise.all(
    [arabicUrl, latinUrl, latinExtUrl].map(bytes),
  );
  return { arabic: arabic!, latin: latin!, latinExt: latinExt! };
}
