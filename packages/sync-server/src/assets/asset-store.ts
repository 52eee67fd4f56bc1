import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_TYPES, type ImageType } from './image-type';

export interface StoredAsset {
  id: string;
  type: ImageType;
  path: string;
  size: number;
}

export interface AssetStore {
  /** Stores the bytes (once: the id is their SHA-256) and returns the stored asset. */
  put(bytes: Uint8Array, type: ImageType): Promise<StoredAsset>;
  get(id: string): Promise<StoredAsset | null>;
}

/** An asset id is the hex SHA-256 of its bytes; anything else is never a file name. */
export const ASSET_ID = /^[0-9a-f]{64}$/;

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

  async function get(id: string): Promise<StoredAsset | null> {
    if (!ASSET_ID.test(id)) return null;
    for (const type of IMAGE_TYPES) {
      const path = pathOf(id, type);
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) return { id, type, path, size: info.size };
    }
    return null;
  }

  return {
    get,
    async put(bytes, type) {
      const id = createHash('sha256').update(bytes).digest('hex');
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
      return { id, type, path, size: bytes.length };
    },
  };
}
