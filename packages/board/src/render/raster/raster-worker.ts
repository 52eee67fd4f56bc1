// Keeps this device's pictures of boards (IndexedDB), off the main thread: encodes a 4K
// picture as PNG (lossless) when one is saved, and decodes it again when a board opens.
import type { PictureInfo, RasterReply, RasterRequest } from './raster-protocol';

const DB = 'roundtable-raster';
const STORE = 'pictures';
/** Boards × screens kept; the least recently saved go first. */
const KEEP = 12;

interface Stored extends PictureInfo {
  png: Blob;
  savedAt: number;
}

let database: Promise<IDBDatabase> | null = null;
function open(): Promise<IDBDatabase> {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
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

async function load(key: string): Promise<{ info: PictureInfo; image: ImageBitmap } | null> {
  const db = await open();
  const stored = (await done(db.transaction(STORE).objectStore(STORE).get(key))) as
    | Stored
    | undefined;
  if (!stored) return null;
  const { png, savedAt: _, ...info } = stored;
  return { info, image: await createImageBitmap(png) };
}

async function save(info: PictureInfo, image: ImageBitmap): Promise<void> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  canvas.getContext('2d')!.drawImage(image, 0, 0);
  image.close();
  const png = await canvas.convertToBlob({ type: 'image/png' });
  const db = await open();
  const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
  await done(store.put({ ...info, png, savedAt: Date.now() } satisfies Stored));
  const all = (await done(db.transaction(STORE).objectStore(STORE).getAll())) as Stored[];
  if (all.length <= KEEP) return;
  const old = all.sort((a, b) => b.savedAt - a.savedAt).slice(KEEP);
  const evict = db.transaction(STORE, 'readwrite').objectStore(STORE);
  for (const picture of old) evict.delete(picture.key);
}

self.onmessage = async (event: MessageEvent<RasterRequest>) => {
  const request = event.data;
  const reply = (message: RasterReply, transfer: Transferable[] = []) =>
    (self as unknown as Worker).postMessage(message, transfer);
  if (request.type === 'load') {
    const found = await load(request.key).catch(() => null);
    reply(
      { type: 'loaded', id: request.id, info: found?.info ?? null, image: found?.image ?? null },
      found ? [found.image] : [],
    );
  } else {
    const ok = await save(request.info, request.image).then(
      () => true,
      () => false,
    );
    reply({ type: 'saved', id: request.id, ok });
  }
};
