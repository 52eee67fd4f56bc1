import { growRect } from '../geometry/camera';
import { insideRect, placedBounds } from '../geometry/plane';
import type { TextBox } from '../render/text-layout';
import type { TextRecord } from '../schema/records/text';
import { ANTIALIAS_MARGIN, type ElementUtil } from './element-util';
import { drawTextBox, textBoxRect, textBoxSvg } from './text-box';

/** A text element's text, from its top-left corner. */
export const textElementBox = (element: {
  text: string;
  fontSize: number;
  w: number;
}): TextBox => ({ text: element.text, fontSize: element.fontSize, width: element.w, x: 0, y: 0 });

/** Text has no stored height: it covers its lines as the board lays them out, at least one. */
export const textUtil: ElementUtil<TextRecord> = {
  localBounds: (text) => textBoxRect(textElementBox(text)),
  paintedBounds: (text) =>
    growRect(placedBounds(textBoxRect(textElementBox(text)), text), ANTIALIAS_MARGIN),
  hits: (text, local, radius) => insideRect(local, textBoxRect(textElementBox(text)), radius),
  draw: (ctx, text) => drawTextBox(ctx, textElementBox(text), text.color),
  svg: (text) => textBoxSvg(textElementBox(text), text.color),
};
