import type { ElementRecord } from '@roundtable/shared';
import Konva from 'konva/lib/Core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Layer, Shape, Stage } from 'react-konva/lib/ReactKonvaCore';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { BoardController } from '../controller/controller';
import { drawLiveLayer, type LiveDrawn } from '../render/live-layer';
import { canvasPixels, PIXEL_RATIO } from '../render/pixel-ratio';
import { RasterKeeper } from '../render/raster/raster-keeper';
import { SceneRenderer, type SceneStats } from '../render/scene-renderer';
import { publishLiveInk, remoteLiveInk } from '../sync/live-ink-presence';
import { whenIdle } from '../when-idle';
import { useBoardInput } from './useBoardInput';
import { useImageDrop } from './useImageDrop';

Konva.pixelRatio = PIXEL_RATIO;

/** How long live redraws may take per frame before further changes wait for the next one. */
const LIVE_DRAW_BUDGET_MS = 4;

interface Props {
  controller: BoardController;
  awareness: Awareness | null;
  width: number;
  height: number;
  /** Called after each scene draw (the benchmark times first paint with it). */
  onScenePainted?: (stats: SceneStats) => void;
  /**
   * The board's id and when its content is in the document: the scene then starts from
   * this device's picture of the board, if it has one, and keeps one once drawn.
   */
  raster?: { boardId: string; loaded: Promise<unknown> };
}

/**
 * Two Konva layers: the scene (finished elements, drawn by SceneRenderer only when they
 * change) and the live layer (ink being drawn, previews, selection), the only one pointer
 * events redraw.
 */
export function BoardCanvas({
  controller,
  awareness,
  width,
  height,
  onScenePainted,
  raster,
}: Props) {
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

  // Made once per board, for the screen's first size in canvas pixels (Konva's); a resize
  // draws afresh.
  const rasterStart = useRef({ raster, ...canvasPixels(width, height) });
  const keeper = useMemo(() => {
    const { raster: options, width: w, height: h } = rasterStart.current;
    if (!options || !RasterKeeper.supported()) return null;
    return new RasterKeeper(
      options.boardId,
      { width: w, height: h },
      PIXEL_RATIO,
      controller.board.doc,
      options.loaded,
      () => controller.camera,
      controller.layout === 'table',
    );
  }, [controller]);
  const scene = useMemo(() => {
    const renderer = new SceneRenderer(
      controller.board,
      () => sceneLayer.current?.getNativeCanvasElement() ?? null,
      PIXEL_RATIO,
      () => viewport.current,
      (stats) => {
        keeper?.drew();
        painted.current?.(stats);
      },
      keeper?.start(),
    );
    keeper?.attach(renderer);
    return renderer;
  }, [controller, keeper]);
  useEffect(
    () => () => {
      scene.destroy();
      keeper?.destroy();
    },
    [scene, keeper],
  );
  // A new scene starts with a full draw pending: only a new size draws it afresh (not the
  // first run, which may come after a start picture was painted and must not replace it).
  const sizeDrawn = useRef({ scene, width, height });
  useEffect(() => {
    controller.setViewport({ width, height });
    const drawn = sizeDrawn.current;
    sizeDrawn.current = { scene, width, height };
    if (drawn.scene === scene && (drawn.width !== width || drawn.height !== height))
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

  // What the live layer drew last: the next draw clears and redraws only what changed.
  const liveDrawn = useRef<LiveDrawn | null>(null);
  const drawLive = (context: Konva.Context) => {
    liveDrawn.current = drawLiveLayer(
      context._context,
      {
        controller,
        remote: awareness ? remoteLiveInk(awareness) : new Map(),
        pixelRatio: context.canvas.getPixelRatio(),
      },
      liveDrawn.current,
    );
  };

  return (
    <div ref={container} className="board-canvas" data-testid="board-canvas">
      <Stage width={width} height={height} listening={false}>
        <Layer ref={sceneLayer} listening={false} clearBeforeDraw={false} />
        {liveMounted && (
          <Layer ref={liveLayer} listening={false} clearBeforeDraw={false}>
            <Shape sceneFunc={drawLive} perfectDrawEnabled={false} listening={false} />
          </Layer>
        )}
      </Stage>
    </div>
  );
}
