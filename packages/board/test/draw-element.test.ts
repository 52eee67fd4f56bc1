import {
  addElement,
  addStroke,
  CURVES_ABOVE_SCALE,
  type ElementRecord,
  localOrigin,
  openBoard,
  runCommand,
} from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { drawElement, paintedBounds } from '../src/render/draw-element';

/** The path-building calls a draw makes, by name (a canvas context that only listens). */
function tracingContext() {
  const calls: string[] = [];
  const record = (name: string) => () => {
    calls.push(name);
  };
  const ctx = {
    calls,
    globalAlpha: 1,
    fillStyle: '',
    save: record('save'),
    restore: record('restore'),
    translate: record('translate'),
    rotate: record('rotate'),
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    quadraticCurveTo: record('quadraticCurveTo'),
    closePath: record('closePath'),
    fill: record('fill'),
  };
  return ctx as typeof ctx & CanvasRenderingContext2D;
}

const STROKE_POINTS = Array.from({ length: 20 }, (_, i) => ({ x: i * 6, y: Math.sin(i / 2) * 20 }));

function aStroke(): ElementRecord {
  const board = openBoard(new Y.Doc());
  const input = {
    authorId: 'seat-1',
    tool: 'pen',
    color: '#1971c2',
    width: 6,
    points: STROKE_POINTS,
  } as const;
  runCommand(board, addStroke, input, localOrigin('seat-1'));
  return [...board.elements.values()][0]!;
}

const count = (calls: string[], name: string) => calls.filter((c) => c === name).length;

describe('drawing a finished stroke', () => {
  it('traces straight segments at table scale, where curves would move the edge under half a pixel', () => {
    const ctx = tracingContext();
    drawElement(ctx, aStroke(), { scale: 1 });
    expect(count(ctx.calls, 'lineTo')).toBeGreaterThan(10);
    expect(count(ctx.calls, 'quadraticCurveTo')).toBe(0);
    expect(count(ctx.calls, 'fill')).toBe(1);
  });

  it('traces curves once zoomed in far enough for corners to show', () => {
    const ctx = tracingContext();
    drawElement(ctx, aStroke(), { scale: CURVES_ABOVE_SCALE * 2 });
    expect(count(ctx.calls, 'quadraticCurveTo')).toBeGreaterThan(10);
    expect(count(ctx.calls, 'lineTo')).toBe(0);
  });

  it('gives both the same outline: one vertex per segment either way', () => {
    const straight = tracingContext();
    const curved = tracingContext();
    const stroke = aStroke();
    drawElement(straight, stroke, { scale: 1 });
    drawElement(curved, stroke, { scale: 4 });
    expect(count(straight.calls, 'lineTo')).toBe(count(curved.calls, 'quadraticCurveTo'));
  });
});

describe("where an element's pixels reach", () => {
  it("covers ink swollen past its points and an arrow's head, once per record", () => {
    const stroke = aStroke();
    const ink = paintedBounds(stroke);
    // Pressure can swell ink to 0.775 of its width from its points: 4.65 here, past the 3
    // its bounds allow.
    const highest = Math.min(...STROKE_POINTS.map((p) => p.y));
    expect(ink.y).toBeLessThanOrEqual(highest - 0.775 * 6);
    expect(paintedBounds(stroke)).toBe(ink);

    const board = openBoard(new Y.Doc());
    const id = runCommand(
      board,
      addElement,
      {
        type: 'shape',
        kind: 'arrow',
        authorId: 'seat-1',
        x: 0,
        y: 100,
        rotation: 0,
        w: 300,
        h: 0,
        stroke: '#e03131',
        fill: null,
        strokeWidth: 4,
      },
      localOrigin('seat-1'),
    );
    // A flat arrow's head opens 16 px (a side of 16 at 0.45 rad) either side of its line.
    const arrow = paintedBounds(board.elements.get(id)!);
    expect(arrow.y).toBeLessThanOrEqual(100 - 16 * Math.sin(0.45));
    expect(arrow.y + arrow.h).toBeGreaterThanOrEqual(100 + 16 * Math.sin(0.45));
  });
});
