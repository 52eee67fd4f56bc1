import { assetUrl } from '../images/upload-image';

type Entry = { image: HTMLImageElement; state: 'loading' | 'ready' | 'failed' };

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();

/**
 * Board images, decoded once per asset and shared by every element that shows it. Returns
 * null until the picture has loaded; listeners hear when one arrives, to redraw.
 */
export function loadedImage(assetId: string): HTMLImageElement | null {
  let entry = entries.get(assetId);
  if (!entry) {
    const image = new Image();
    const created: Entry = { image, state: 'loading' };
    entry = created;
    entries.set(assetId, created);
    image.decoding = 'async';
    image.onload = () => {
      created.state = 'ready';
      for (const listener of listeners) listener();
    };
    image.onerror = () => {
      created.state = 'failed';
    };
    image.src = assetUrl(assetId);
  }
  return entry.state === 'ready' ? entry.image : null;
}

export function imageFailed(assetId: string): boolean {
  return entries.get(assetId)?.state === 'failed';
}

export function onImageLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
