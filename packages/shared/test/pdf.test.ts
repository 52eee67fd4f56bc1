import { describe, expect, it } from 'vitest';
import { jpegToPdf } from '../src/export/pdf';

/** Not a real photo: the writer only frames the bytes, it never decodes them. */
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

describe('PDF export', () => {
  it('writes a one-page PDF whose cross-reference table points at every object', () => {
    const pdf = latin1(jpegToPdf(jpeg, { width: 1600, height: 900, title: 'Héros numérique ✨' }));
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const entries = pdf.slice(startxref).split('\n').slice(3, 9);
    entries.forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`);
    });
  });

  it('sizes the page to the picture and embeds the JPEG byte for byte', () => {
    const bytes = jpegToPdf(jpeg, { width: 1600, height: 900, title: 'x' });
    const pdf = latin1(bytes);
    expect(pdf).toContain('/MediaBox [0 0 1200 675]');
    expect(pdf).toContain('/Width 1600 /Height 900');
    expect(pdf).toContain(`/Filter /DCTDecode /Length ${jpeg.length}`);
    const start = pdf.indexOf('stream\n', pdf.indexOf('/DCTDecode')) + 'stream\n'.length;
    expect([...bytes.subarray(start, start + jpeg.length)]).toEqual([...jpeg]);
    // Any title survives, as UTF-16.
    expect(latin1(jpegToPdf(jpeg, { width: 10, height: 10, title: 'É' }))).toContain(
      '/Title <FEFF00C9>',
    );
  });
});
