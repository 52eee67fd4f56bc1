import { type ElementRecord, handlePositions, localBounds, type Rect } from '@roundtable/shared';
import Konva from 'konva/lib/Core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Layer, Shape, Stage } from 'react-konva/lib/ReactKonvaCore';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { BoardController } from '../controller/controller';
import { ROTATE_HANDLE_OFFSET_PX } from '../controller/gestures/transform';
import { drawElement, drawLiveInk, drawShape } from '../render/draw-element';
import { SceneRenderer, type SceneStats } from '../render/scene-renderer';
import { publishLiveInk, remoteLiveInk } from '../sync/live-ink-presence';
import { whenIdle } from '../when-idle';
import { useBoardInput } from './useBoardInput';
import { useImageDrop } from './useImageDrop';

/** Sharp on tablets, but a 4K table at 2x would quadruple every pixel drawn. */
export const PIXEL_RATIO = Math.min(window.devicePixelRatio || 1, 2);
Konva.pixelRatio = PIXEL_RATIO;

const SELECTION_BLUE = '#4c6ef5';
/** Drawn handles are smaller than the 48 px area that answers a touch. */
const HANDLE_DRAWN_PX = 13;

/** How long live redraws may take per frame before further changes wait for the next one. */
const LIVE_DRAW_BUDGET_MS = 4;

interface Props {
  controller: BoardController;
  awareness: Awareness | null;
  width: number;
  height: number;
  /** Called after each scene draw (the benchmark times first paint with it). */
  onScenePainted?: (stats: SceneStats) => void;
}

/**
 * Two Konva layers: the scene (finished elements, drawn by SceneRenderer only when they
 * change) and the live layer (ink being drawn, previews, selection), the only one pointer
 * events redraw.
 */
export function BoardCanvas({ controller, awareness, width, height, onScenePainted }: Props) {
  const painted = useRef(onScenePainted);
  painted.current = onScenePainted;
  const container = useRef<HTMLDivElement>(null);
  const sceneLayer = useRef<Konva.Layer>(null);
  const liveLayer = useRef<Konva.Layer>(null);
  const viewport = useRef({ width, height });
  viewport.current = { width, height };
  // The live layer is a second screen-sized canvas (32 MB at 4K, and slow to allocate in
  // software): it is made once the page is idle, so it never delays a board's first paint.
  const [liveMounted, setLiveMounted] = useState(false);
  useEffect(() => whenIdle(() => setLiveMounted(true), 1_000), []);

  const scene = useMemo(
    () =>
      new SceneRenderer(
        controller.board,
        () => sceneLayer.current?.getNativeCanvasElement() ?? null,
        PIXEL_RATIO,
        () => viewport.current,
        (stats) => painted.current?.(stats),
      ),
    [controller],
  );
  useEffect(() => () => scene.destroy(), [scene]);
  useEffect(() => {
    controller.setViewport({ width, height });
    scene.invalidate();
  }, [controller, scene, width, height]);

  useEffect(() => {
    // Changes draw at once, so the ink is on the canvas before this frame is produced, while
    // the live layer's draws in this frame stay within a budget; past it they wait for one
    // batched redraw. Five fingers move in one input event: all five draw in this frame.
    let spentThisFrame = 0;
    let frameReset = 0;
    const redrawLive = () => {
      const layer = liveLayer.current;
      if (!layer) return;
      if (spentThisFrame >= LIVE_DRAW_BUDGET_MS) {
        layer.batchDraw();
        return;
      }
      const started = performance.now();
      layer.draw();
      spentThisFrame += performance.now() - started;
      frameReset ||= requestAnimationFrame(() => {
        frameReset = 0;
        spentThisFrame = 0;
      });
    };
    let published = 0;
    const unsubscribe = controller.subscribe((change) => {
      if (change === 'camera') scene.setCamera(controller.camera);
      if (change === 'live') {
        redrawLive();
        // Share ink in progress at most once a frame.
        if (awareness && !published) {
          published = requestAnimationFrame(() => {
            published = 0;
            publishLiveInk(awareness, controller.liveInk.values());
          });
        }
      }
      if (change === 'camera' || change === 'selection') redrawLive();
    });
    awareness?.on('change', redrawLive);
    // The selection's frame and handles follow edits to selected elements (ours or others').
    const selectedChanged = (event: Y.YMapEvent<ElementRecord>) => {
      for (const key of event.keysChanged) {
        if (controller.selection.has(key)) return redrawLive();
      }
    };
    controller.board.elements.observe(selectedChanged);
    return () => {
      unsubscribe();
      controller.board.elements.unobserve(selectedChanged);
      awareness?.off('change', redrawLive);
      cancelAnimationFrame(published);
      cancelAnimationFrame(frameReset);
    };
  }, [controller, scene, awareness]);

  useEffect(() => {
    // A selection being dragged, resized or turned is drawn on the live layer, following
    // the finger; the scene leaves it out meanwhile.
    let excluding = false;
    return controller.subscribe((change) => {
      const moving = controller.dragOffset !== null || controller.transformPreview !== null;
      if (change !== 'live' || excluding === moving) return;
      excluding = moving;
      scene.setExcluded(excluding ? new Set(controller.selection) : new Set());
    });
  }, [controller, scene]);

  useBoardInput(container, controller);
  useImageDrop(container, controller);

  const drawLive = (context: Konva.Context) => {
    const ctx = context._context;
    const { x, y, zoom } = controller.camera;
    ctx.save();
    ctx.scale(zoom, zoom);
    ctx.translate(-x, -y);
    const remote = awareness ? remoteLiveInk(awareness) : [];
    for (const ink of remote) drawLiveInk(ctx, ink.points, ink);
    for (const ink of remote) if (ink.by) drawNameTag(ctx, ink.points.at(-1), ink.by, zoom);
    for (const ink of controller.liveInk.values()) drawLiveInk(ctx, ink.points, ink);
    for (const preview of controller.previews.values()) {
      ctx.save();
      ctx.translate(preview.x, preview.y);
      drawShape(ctx, { ...preview, stroke: preview.color, fill: null });
      ctx.restore();
    }
    const offset = controller.dragOffset;
    const preview = controller.transformPreview;
    for (const id of controller.selection) {
      const stored = controller.board.elements.get(id);
      if (!stored) continue;
      const element =
        preview?.id === id ? ({ ...stored, ...preview.changes } as ElementRecord) : stored;
      if (offset || preview) drawElement(ctx, element, offset ?? undefined);
      outlineSelection(ctx, element, offset, zoom);
      if (controller.selection.size === 1 && !offset) drawHandles(ctx, element, zoom);
    }
    if (controller.marquee) drawMarquee(ctx, controller.marquee, zoom);
    ctx.restore();
  };

  return (
    <div ref={container} className="board-canvas" data-testid="board-canvas">
      <Stage width={width} height={height} listening={false}>
        <Layer ref={sceneLayer} listening={false} clearBeforeDraw={false} />
        {liveMounted && (
          <Layer ref={liveLayer} listening={false}>
            <Shape sceneFunc={drawLive} perfectDrawEnabled={false} listening={false} />
          </Layer>
        )}
      </Stage>
    </div>
  );
}

/** A frame around a selected element, turned with it. */
function outlineSelection(
  ctx: CanvasRenderingContext2D,
  element: ElementRecord,
  offset: { x: number; y: number } | null,
  zoom: number,
) {
  const b = localBounds(element);
  const pad = 6 / zoom;
  ctx.save();
  ctx.translate(element.x + (offset?.x ?? 0), element.y + (offset?.y ?? 0));
  ctx.rotate((element.rotation * Math.PI) / 180);
  ctx.strokeStyle = SELECTION_BLUE;
  ctx.lineWidth = 2 / zoom;
  ctx.setLineDash([]);
  ctx.strokeRect(b.x - pad, b.y - pad, b.w + pad * 2, b.h + pad * 2);
  ctx.restore();
}

/** The resize handle (a corner, or a line's end) and the rotate handle above the top edge. */
function drawHandles(ctx: CanvasRenderingContext2D, element: ElementRecord, zoom: number) {
  const handles = handlePositions(element, ROTATE_HANDLE_OFFSET_PX / zoom);
  const top = localBounds(element).y;
  ctx.save();
  ctx.translate(element.x, element.y);
  ctx.rotate((element.rotation * Math.PI) / 180);
  ctx.lineWidth = 2 / zoom;
  ctx.strokeStyle = SELECTION_BLUE;
  ctx.beginPath();
  ctx.moveTo(handles.rotate.x, top - 6 / zoom);
  ctx.lineTo(handles.rotate.x, handles.rotate.y);
  ctx.stroke();
  const knob = (p: { x: number; y: number }, fill: string) => {
    ctx.beginPath();
    ctx.arc(p.x, p.y, HANDLE_DRAWN_PX / zoom, 0, Math.PI * 2);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.stroke();
  };
  knob(handles.rotate, '#ffffff');
  // A small turning arrow inside the rotate knob.
  ctx.beginPath();
  ctx.arc(handles.rotate.x, handles.rotate.y, 6 / zoom, -Math.PI * 0.9, Math.PI * 0.5);
  ctx.stroke();
  if (handles.resize) knob(handles.resize, SELECTION_BLUE);
  ctx.restore();
}

/** A classmate's name beside the ink they are drawing, the same size at any zoom. */
function drawNameTag(
  ctx: CanvasRenderingContext2D,
  at: { x: number; y: number } | undefined,
  by: { name: string; color: string },
  zoom: number,
) {
  if (!at || !by.name) return;
  ctx.save();
  ctx.translate(at.x, at.y);
  ctx.scale(1 / zoom, 1 / zoom);
  ctx.font = '700 16px Nunito, "Segoe UI", system-ui, sans-serif';
  const width = ctx.measureText(by.name).width + 20;
  ctx.fillStyle = by.color;
  ctx.beginPath();
  ctx.roundRect(14, 10, width, 28, 14);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.fillText(by.name, 24, 24);
  ctx.restore();
}

function drawMarquee(ctx: CanvasRenderingContext2D, r: Rect, zoom: number) {
  ctx.fillStyle = 'rgba(76, 110, 245, 0.08)';
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.strokeStyle = '#4c6ef5';
  ctx.lineWidth = 1.5 / zoom;
  ctx.setLineDash([6 / zoom, 4 / zoom]);
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  ctx.setLineDash([]);
}
