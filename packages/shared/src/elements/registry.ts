import type { ElementRecord, ElementType } from '../schema/elements';
import type { Canvas2D, DrawOptions } from './canvas';
import type { ElementUtil } from './element-util';
import { imageUtil } from './image';
import { noteUtil } from './note';
import { shapeUtil } from './shape';
import { strokeUtil } from './stroke';
import type { SvgOptions } from './svg';
import { textUtil } from './text';

const UTILS: { [T in ElementType]: ElementUtil<Extract<ElementRecord, { type: T }>> } = {
  stroke: strokeUtil,
  shape: shapeUtil,
  note: noteUtil,
  text: textUtil,
  image: imageUtil,
};

/** The definition of an element's type. */
export const utilFor = <R extends ElementRecord>(element: R) =>
  UTILS[element.type] as unknown as ElementUtil<R>;

/**
 * Draws one finished element in board coordinates (the caller sets the camera transform),
 * moved by `offset` if given.
 */
export function drawElementOn(
  ctx: Canvas2D,
  element: ElementRecord,
  options: DrawOptions & { offset?: { x: number; y: number } },
) {
  const { offset = { x: 0, y: 0 } } = options;
  ctx.save();
  ctx.translate(element.x + offset.x, element.y + offset.y);
  if (element.rotation) ctx.rotate((element.rotation * Math.PI) / 180);
  utilFor(element).draw(ctx, element, options);
  ctx.restore();
}

/** One element as SVG, placed on the board. */
export function elementSvg(element: ElementRecord, options: SvgOptions): string {
  const transform = `translate(${element.x} ${element.y})${element.rotation ? ` rotate(${element.rotation})` : ''}`;
  return `<g transform="${transform}">${utilFor(element).svg(element, options)}</g>`;
}
