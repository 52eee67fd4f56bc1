import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { IMAGE_TYPES, type ImageType } from './image-type';

export interface StoredAsset {
  id: string;
  type: ImageType;
  size: number;
  /** The image's bytes (for resizing). */
  read(): Promise<Buffer>;
  /** The image's bytes as a stream (for a response). */
  stream(): Readable;
}

/**
 * Where uploaded images are kept: files in DATA_DIR (here) or, in cluster mode, PostgreSQL
 * (cluster/pg-app-stores.ts), so every process serves the same.
 */
export interface AssetStore {
  /** Stores the bytes (once: the id is their SHA-256) and returns the stored asset. */
  put(bytes: Uint8Array, type: ImageType): Promise<StoredAsset>;
  get(id: string): Promise<StoredAsset | null>;
}

/** An asset id is the hex SHA-256 of its bytes; anything else is never a file name. */
export const ASSET_ID = /^[0-9a-f]{64}$/;

/** The id of these bytes. */
export const assetId = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

const EXTENSIONS: Record<ImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Uploaded images as files in `DATA_DIR/assets`, named by content hash: the same photo
 * uploaded twice is stored once, and a file is written to a temporary name, synced and
 * renamed, so a crash never leaves half an image behind a valid id.
 */
export function openAssetStore(dataDir: string): AssetStore {
  const dir = join(dataDir, 'assets');
  mkdirSync(dir, { recursive: true });
  const pathOf = (id: string, type: ImageType) => join(dir, `${id}.${EXTENSIONS[type]}`);
  const stored = (id: string, type: ImageType, size: number): StoredAsset => {
    const path = pathOf(id, type);
    return { id, type, size, read: () => readFile(path), stream: () => createReadStream(path) };
  };

  async function get(id: string): Promise<StoredAsset | null> {
    if (!ASSET_ID.test(id)) return null;
    for (const type of IMAGE_TYPES) {
      const info = await stat(pathOf(id, type)).catch(() => null);
      if (info?.isFile()) return stored(id, type, info.size);
    }
    return null;
  }

  return {
    get,
    async put(bytes, type) {
      const id = assetId(bytes);
      const existing = await get(id);
      if (existing) return existing;
      const path = pathOf(id, type);
      const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
      const file = await open(temporary, 'w');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } catch (error) {
        await file.close();
        await unlink(temporary).catch(() => {});
        throw error;
      }
      await file.close();
      await rename(temporary, path);
      return stored(id, type, bytes.length);
    },
  };
}
