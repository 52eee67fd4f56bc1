import { type Board, boardAssetIds, boardToSvg, openBoard } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { pictureDataUri } from '../render/picture-data';
import { syncUrl } from '../sync/board-connection';

/** How often a watched board's picture is redrawn at most. */
const REDRAW_MS = 700;
/** Longest side of a picture inside an overview thumbnail. */
const PICTURE_PX = 320;

export interface LiveBoard {
  board: Board | null;
  /** The board drawn as SVG (a data URL for an <img>), following every change. */
  image: string | null;
  /** Devices on the board now (tables and tablets that said who they are). */
  devices: number;
  version: number;
}

/**
 * Watches a board over its own y-websocket connection, read-only: the overview shows every
 * group's board as it is being drawn, not a snapshot from a while ago.
 */
export function useLiveBoard(boardId: string): LiveBoard {
  const [live, setLive] = useState<LiveBoard>({ board: null, image: null, devices: 0, version: 0 });
  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl(), boardId, doc, {
      disableBc: true,
      // A watcher never starts a board (a deleted group's board stays deleted).
      params: { watch: '1' },
    });
    provider.awareness.setLocalState(null); // a watcher, not a participant
    const board = openBoard(doc);
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Pictures go inside the SVG as data (an <img> loads nothing from outside): each is
    // fetched once, and the thumbnail is drawn again when it has come.
    const pictures = new Map<string, string | null>();
    let closed = false;
    const fetchPictures = () => {
      for (const id of boardAssetIds(board)) {
        if (pictures.has(id)) continue;
        pictures.set(id, null);
        pictureDataUri(id, PICTURE_PX).then((uri) => {
          pictures.set(id, uri);
          if (uri && !closed) schedule();
        });
      }
    };
    const redraw = () => {
      timer = null;
      fetchPictures();
      const svg = boardToSvg(board, { imageHref: (id) => pictures.get(id) ?? null });
      const devices = [...provider.awareness.getStates().values()].filter((s) => s?.user).length;
      setLive((previous) => ({
        board,
        image: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
        devices,
        version: previous.version + 1,
      }));
    };
    const schedule = () => {
      timer ??= setTimeout(redraw, REDRAW_MS);
    };
    doc.on('update', schedule);
    provider.awareness.on('change', schedule);
    provider.once('sync', redraw);
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      provider.destroy();
      doc.destroy();
    };
  }, [boardId]);
  return live;
}
