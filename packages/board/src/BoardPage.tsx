import { Layer, Rect, Stage } from 'react-konva';
import { useWindowSize } from './useWindowSize';

/** The board surface. Drawing, sync and tools arrive with the board issue; this is the frame. */
export function BoardPage({ boardId }: { boardId: string }) {
  const { width, height } = useWindowSize();
  return (
    <main className="board" data-board-id={boardId}>
      <Stage width={width} height={height}>
        <Layer listening={false}>
          <Rect width={width} height={height} fill="#fbfaf6" />
        </Layer>
      </Stage>
      <div className="board-title">
        Roundtable<small>board {boardId}</small>
      </div>
    </main>
  );
}
