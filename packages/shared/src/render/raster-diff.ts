import type { Camera, Rect } from '../geometry/camera';

/** Which record (a Yjs item: client and clock) holds an element's value. */
export interface ElementVersion {
  client: number;
  clock: number;
}

/**
 * The elements a raster picture of a board shows: each one's version and the board
 * rectangle its pixels cover, as arrays (one entry per element; bounds four numbers each),
 * so a picture's description stores and clones cheaply.
 */
export interface PictureElements {
  ids: string[];
  clients: number[];
  clocks: number[];
  /** x, y, w, h per element. */
  bounds: number[];
}

/** What changed on a board since a picture of it: what to clear and draw again. */
export interface PictureChanges {
  /** Elements new or changed since the picture (draw their areas as they are now). */
  changed: string[];
  /** Where elements that changed or went were in the picture (clear and draw again). */
  formerAreas: Rect[];
}

/** Compares the board now (`current`: each element's version) with what a picture shows. */
export function changesSincePicture(
  picture: PictureElements,
  current: Iterable<readonly [string, ElementVersion]>,
): PictureChanges {
  const index = new Map<string, number>();
  for (const [i, id] of picture.ids.entries()) index.set(id, i);
  const changed: string[] = [];
  const formerAreas: Rect[] = [];
  const area = (i: number): Rect => {
    const b = picture.bounds;
    return { x: b[i * 4]!, y: b[i * 4 + 1]!, w: b[i * 4 + 2]!, h: b[i * 4 + 3]! };
  };
  for (const [id, version] of current) {
    const i = index.get(id);
    index.delete(id);
    if (i === undefined) changed.push(id);
    else if (picture.clients[i] !== version.client || picture.clocks[i] !== version.clock) {
      changed.push(id);
      formerAreas.push(area(i));
    }
  }
  // Those left were in the picture and are gone.
  for (const i of index.values()) formerAreas.push(area(i));
  return { changed, formerAreas };
}

/** Whether two cameras show the same view (a picture drawn for one fits the other). */
export function sameCamera(a: Camera, b: Camera): boolean {
  const near = (p: number, q: number) => Math.abs(p - q) <= 1e-6 * Math.max(1, Math.abs(p));
  return near(a.x, b.x) && near(a.y, b.y) && near(a.zoom, b.zoom);
}
