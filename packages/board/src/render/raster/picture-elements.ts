import type { ElementRecord, ElementVersion, PictureElements, Rect } from '@roundtable/shared';
import type * as Y from 'yjs';

/** Yjs keeps each key's current value in an item whose id says which change wrote it. */
interface ItemMap {
  _map: Map<string, { id: ElementVersion; deleted: boolean }>;
}

/**
 * Each element's version: the id of the Yjs item holding its value. Any change to an
 * element writes a new item, so an equal id means the very same value.
 */
export function* elementVersions(
  elements: Y.Map<ElementRecord>,
): Generator<readonly [string, ElementVersion]> {
  for (const [key, item] of (elements as unknown as ItemMap)._map) {
    if (!item.deleted) yield [key, item.id];
  }
}

/** What a picture of the board as it is now shows: every element's version and area. */
export function pictureElements(
  elements: Y.Map<ElementRecord>,
  areaOf: (element: ElementRecord) => Rect,
): PictureElements {
  const out: PictureElements = { ids: [], clients: [], clocks: [], bounds: [] };
  for (const [id, version] of elementVersions(elements)) {
    const element = elements.get(id);
    if (!element) continue;
    const area = areaOf(element);
    out.ids.push(id);
    out.clients.push(version.client);
    out.clocks.push(version.clock);
    out.bounds.push(area.x, area.y, area.w, area.h);
  }
  return out;
}
