// This device's pictures of boards, in IndexedDB: read by the page's head script (the first
// paint, before the app has loaded) and by the raster worker, written by the worker.
import type { PictureInfo } from './raster-protocol';

const DB = 'roundtable-raster';
/** 2: pixels kept raw (1 kept PNGs, whose 4K decode took longer than the whole paint budget). */
const VERSION = 2;
const STORE = 'pictures';
/** Pictures kept, boards × screens, up to this many bytes; the least recently saved go first. */
const KEEP_BYTES = 256 * 1024 * 1024;

/**
 * A picture as kept: its pixels raw (RGBA rows, width × height × 4 bytes). Read back at 4K
 * (33 MB) in ~70 ms here, where decoding the same picture as PNG took 160–430 ms.
 */
export interface StoredPicture extends PictureInfo {
  pixels: Blob;
  savedAt: number;
}

let database: Promise<IDBDatabase> | null = null;
function open(): Promise<IDBDatabase> {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (db.objectStoreNames.contains(STORE)) db.deleteObjectStore(STORE);
      db.createObjectStore(STORE, { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return database;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The picture kept under `key` (pictureKey), if any. */
export async function readPicture(key: string): Promise<StoredPicture | null> {
  const db = await open();
  return ((await done(db.transaction(STORE).objectStore(STORE).get(key))) as StoredPicture) ?? null;
}

/** A kept picture's pixels, ready to put on a canvas. */
export async function picturePixels(picture: StoredPicture): Promise<ImageData> {
  const bytes = new Uint8ClampedArray(await picture.pixels.arrayBuffer());
  return new ImageData(bytes, picture.width, picture.height);
}

/** Keeps a picture (replacing the one of the same board and screen), within KEEP_BYTES. */
export async function keepPicture(info: PictureInfo, pixels: ImageData): Promise<void> {
  const db = await open();
  const picture: StoredPicture = { ...info, pixels: new Blob([pixels.data]), savedAt: Date.now() };
  await done(db.transaction(STORE, 'readwrite').objectStore(STORE).put(picture));
  const all = (await done(db.transaction(STORE).objectStore(STORE).getAll())) as StoredPicture[];
  let bytes = 0;
  const evict: string[] = [];
  for (const kept of all.sort((a, b) => b.savedAt - a.savedAt)) {
    bytes += kept.pixels.size;
    if (bytes > KEEP_BYTES) evict.push(kept.key);
  }
  if (evict.length === 0) return;
  const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
  for (const key of evict) store.delete(key);
}
