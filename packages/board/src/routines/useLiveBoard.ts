import { type Board, boardToSvg, openBoard } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from '../sync/board-connection';

/** How often a watched board's picture is redrawn at most. */
const REDRAW_MS = 700;

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
    const redraw = () => {
      timer = null;
      const svg = boardToSvg(board);
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
      if (timer) clearTimeout(timer);
      provider.destroy();
      doc.destroy();
    };
  }, [boardId]);
  return live;
}
