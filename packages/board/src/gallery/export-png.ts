import { type Board, contentBounds, listElements } from '@roundtable/shared';
import { drawElement } from '../render/draw-element';
import { loadedImage } from '../render/image-cache';

/** Large enough for a poster, small enough for a tablet's memory. */
const MAX_SIDE_PX = 8192;

/** Waits until every picture on the board has loaded (or failed), so the PNG shows them. */
async function picturesLoaded(board: Board): Promise<void> {
  const ids = listElements(board).flatMap((e) => (e.type === 'image' ? [e.assetId] : []));
  for (let tries = 0; tries < 50 && ids.some((id) => !loadedImage(id)); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The whole board drawn like the scene, at `scale` times its size (capped). */
async function renderBoard(board: Board, scale: number): Promise<HTMLCanvasElement> {
  await picturesLoaded(board);
  const view = contentBounds(board);
  const s = Math.min(scale, MAX_SIDE_PX / Math.max(view.w, view.h));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(view.w * s);
  canvas.height = Math.ceil(view.h * s);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the picture');
  ctx.fillStyle = '#fbfaf6';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(s, 0, 0, s, -view.x * s, -view.y * s);
  for (const element of listElements(board)) drawElement(ctx, element, { scale: s });
  return canvas;
}

const encode = (canvas: HTMLCanvasElement, type: string, quality?: number) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(`no ${type}`))),
      type,
      quality,
    ),
  );

/** The whole board as a PNG at `scale` times its size. */
export async function boardToPng(board: Board, scale: number): Promise<Blob> {
  return encode(await renderBoard(board, scale), 'image/png');
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
