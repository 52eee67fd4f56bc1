import { type Board, decodeStroke } from '@roundtable/shared';
import type Konva from 'konva';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Layer, Line, Stage } from 'react-konva';

interface LineData {
  id: string;
  points: number[];
  color: string;
  width: number;
}

function toLine(element: ReturnType<Board['elements']['get']>): LineData | null {
  if (element?.type !== 'stroke') return null;
  const { count, points } = decodeStroke(element.points);
  const flat: number[] = [];
  for (let i = 0; i < count; i++)
    flat.push(element.x + points[i * 3]!, element.y + points[i * 3 + 1]!);
  return { id: element.id, points: flat, color: element.color, width: element.width };
}

export interface BaselineHandle {
  /** Sets the strokes in progress and draws the frame now. */
  drawLive(live: number[][]): void;
  /** Moves the view so the board's origin is at (x, y) on screen, and draws it now. */
  panTo(x: number, y: number): void;
}

/**
 * The straightforward react-konva board the benchmark compares against: every stroke a
 * <Line> in React state, live strokes in the same layer, so each frame redraws everything.
 */
export const BaselineCanvas = forwardRef<
  BaselineHandle,
  { board: Board; width: number; height: number; onPaint(): void }
>(function BaselineCanvas({ board, width, height, onPaint }, ref) {
  const [lines, setLines] = useState<LineData[]>([]);
  const [live, setLive] = useState<number[][]>([]);
  const layer = useRef<Konva.Layer>(null);
  useEffect(() => {
    const sync = () => setLines([...board.elements.values()].map(toLine).filter((l) => l !== null));
    sync();
    board.elements.observe(sync);
    return () => board.elements.unobserve(sync);
  }, [board]);
  useEffect(() => {
    if (lines.length) requestAnimationFrame(onPaint);
  }, [lines, onPaint]);
  useImperativeHandle(ref, () => ({
    drawLive(next) {
      flushSync(() => setLive(next));
      layer.current?.draw();
    },
    panTo(x, y) {
      layer.current?.position({ x, y });
      layer.current?.draw();
    },
  }));
  return (
    <Stage width={width} height={height}>
      <Layer ref={layer} listening={false}>
        {lines.map((l) => (
          <Line
            key={l.id}
            points={l.points}
            stroke={l.color}
            strokeWidth={l.width}
            lineCap="round"
            lineJoin="round"
          />
        ))}
        {live.map((points, i) => (
          <Line
            // biome-ignore lint/suspicious/noArrayIndexKey: one live line per finger slot
            key={i}
            points={points}
            stroke="#e03131"
            strokeWidth={6}
            lineCap="round"
            lineJoin="round"
          />
        ))}
      </Layer>
    </Stage>
  );
});
