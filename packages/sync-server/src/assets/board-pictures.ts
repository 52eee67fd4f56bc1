import { type Board, boardAssetIds, boardToSvg } from '@roundtable/shared';
import sharp from 'sharp';
import type { AssetStore } from './asset-store';

/** Longest side of a picture inside an exhibit's SVG (big screen, download). */
export const EXHIBIT_PICTURE_PX = 1600;
/** …and inside a live board thumbnail. */
export const THUMBNAIL_PICTURE_PX = 320;

/** Pictures made small and encoded once are kept for the next thumbnail. */
const CACHE_ENTRIES = 200;

export interface BoardPictures {
  /** The board as SVG with each picture inside it (a data: URI no larger than `maxSide`). */
  svg(board: Board, maxSide: number): Promise<string>;
}

/**
 * Puts a board's pictures into its SVG rendering, so the SVG is whole wherever it is shown:
 * in an <img> (where links to /api/assets are not loaded), in the slideshow and opened from
 * disk. Each is scaled down to what the view needs (never up) and kept as PNG when it has
 * see-through parts or JPEG otherwise, which every SVG viewer reads.
 */
export function createBoardPictures(assets: AssetStore): BoardPictures {
  const cache = new Map<string, Promise<string | null>>();

  async function encode(id: string, maxSide: number): Promise<string | null> {
    const asset = await assets.get(id);
    if (!asset) return null;
    try {
      const bytes = await asset.read();
      const image = sharp(bytes, { animated: false }).resize({
        width: maxSide,
        height: maxSide,
        fit: 'inside',
        withoutEnlargement: true,
      });
      const { hasAlpha } = await sharp(bytes).metadata();
      const { data, info } = await (hasAlpha ? image.png() : image.jpeg({ quality: 85 })).toBuffer({
        resolveWithObject: true,
      });
      return `data:image/${info.format};base64,${data.toString('base64')}`;
    } catch {
      return null; // a damaged or unreadable image: the SVG shows an empty frame where it was
    }
  }

  function dataUri(id: string, maxSide: number): Promise<string | null> {
    const key = `${id}:${maxSide}`;
    let pending = cache.get(key);
    if (pending) {
      cache.delete(key); // most recently used goes last
    } else {
      pending = encode(id, maxSide);
      pending.then((uri) => uri === null && cache.delete(key));
    }
    cache.set(key, pending);
    while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    return pending;
  }

  return {
    async svg(board, maxSide) {
      const ids = boardAssetIds(board);
      const uris = await Promise.all(ids.map((id) => dataUri(id, maxSide)));
      const byId = new Map(ids.map((id, i) => [id, uris[i] ?? null]));
      return boardToSvg(board, { imageHref: (id) => byId.get(id) ?? null });
    },
  };
}
