import { type Board, openBoard, paperForLocale } from '@roundtable/shared';
import { boardsToPdf, type PdfBoardPage, type PdfPicture } from '@roundtable/shared/pdf';
import * as Y from 'yjs';
import { t } from '../i18n';
import { assetUrl } from '../images/upload-image';
import { formatDate } from './exhibits-api';
import { pdfFonts } from './pdf-fonts';

/** A board's picture as the PDF can hold it: PNG or JPEG as stored, anything else as PNG. */
async function pdfPicture(assetId: string): Promise<PdfPicture | null> {
  const response = await fetch(assetUrl(assetId));
  if (!response.ok) return null;
  const blob = await response.blob();
  if (blob.type === 'image/png' || blob.type === 'image/jpeg') {
    return {
      bytes: new Uint8Array(await blob.arrayBuffer()),
      type: blob.type === 'image/png' ? 'png' : 'jpeg',
    };
  }
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return png ? { bytes: new Uint8Array(await png.arrayBuffer()), type: 'png' } : null;
}

/**
 * Boards as a printable PDF on this browser's paper (A4, or Letter in North America). This
 * module (and pdf-lib with it) loads only when someone asks for a PDF.
 */
export async function boardsPdf(pages: PdfBoardPage[], title: string): Promise<Blob> {
  const bytes = await boardsToPdf(pages, {
    paper: paperForLocale(navigator.language),
    title,
    picture: pdfPicture,
    fonts: pdfFonts,
    formatDate,
    words: {
      untitled: t('pdf.untitled'),
      madeBy: (names) => t('pdf.madeBy', { names: names.join(', ') }),
    },
  });
  return new Blob([bytes.buffer as ArrayBuffer], { type: 'application/pdf' });
}

/** A board as the server has it now (its whole document), for printing. */
export async function fetchBoard(boardId: string): Promise<Board> {
  const response = await fetch(`/api/boards/${boardId}/state`);
  if (!response.ok && response.status !== 204) throw new Error(`HTTP ${response.status}`);
  const doc = new Y.Doc();
  if (response.status === 200) Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  return openBoard(doc);
}
