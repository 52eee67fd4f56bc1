import * as Y from 'yjs';
import { type Board, openBoard } from '../src/doc/board';
import { initBoard } from '../src/doc/init';
import type { StrokePoint } from '../src/encoding/stroke-codec';
import { currentSchemaVersions } from '../src/schema/registry';

export function newBoard(): Board {
  const board = openBoard(new Y.Doc());
  initBoard(board, { title: 'Test board', now: 1_700_000_000_000 });
  return board;
}

/**
 * A finger-drawn stroke: a wobbly curve sampled at 60 Hz at a brisk hand speed (~450 px/s,
 * 5–10 px between samples), with pressure that swells and fades as a stylus reports it.
 */
export function handDrawnStroke(count: number, seed = 1, withPressure = true): StrokePoint[] {
  let s = seed;
  const random = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  const points: StrokePoint[] = [];
  let x = 1_000 + random() * 500;
  let y = 800 + random() * 500;
  let heading = random() * Math.PI * 2;
  for (let i = 0; i < count; i++) {
    heading += (random() - 0.5) * 0.35;
    const step = 5 + random() * 5;
    x += Math.cos(heading) * step;
    y += Math.sin(heading) * step;
    const point: StrokePoint = { x, y };
    if (withPressure) point.pressure = 0.3 + 0.5 * Math.sin((Math.PI * i) / count);
    points.push(point);
  }
  return points;
}

/** A board as version 1 of the stroke record wrote it: points as a flat float array. */
export function versionOneBoard(): Board {
  const board = openBoard(new Y.Doc());
  const flat = handDrawnStroke(120, 5).flatMap((p) => [p.x - 1_000, p.y - 800, p.pressure!]);
  board.doc.transact(() => {
    board.meta.set('schema', { ...currentSchemaVersions(), stroke: 1 });
    board.meta.set('title', 'Old board');
    board.meta.set('createdAt', 1);
    board.elements.set('old-stroke', {
      id: 'old-stroke',
      type: 'stroke',
      x: 1_000,
      y: 800,
      rotation: 0,
      z: 'a0',
      authorId: 'seat-1',
      createdAt: 1,
      tool: 'pen',
      color: '#1f2a44',
      width: 4,
      points: flat,
    } as never);
    board.elements.set('note-1', {
      id: 'note-1',
      type: 'note',
      x: 0,
      y: 0,
      rotation: 0,
      z: 'a1',
      authorId: 'seat-2',
      createdAt: 2,
      w: 200,
      h: 200,
      color: '#ffe066',
      text: 'hi',
      fontSize: 24,
    });
  });
  return board;
}
