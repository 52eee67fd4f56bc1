import { growRect, type Rect } from '../geometry/camera';
import { insideRect } from '../geometry/plane';
import type { ImageRecord } from '../schema/records/image';
import { ANTIALIAS_MARGIN, type ElementUtil } from './element-util';
import { escapeXml } from './svg';

/** The frame shown where a picture will be, or where it cannot be had. */
export const PICTURE_FRAME = { fill: '#e9ecef', stroke: '#adb5bd', strokeWidth: 2 } as const;

const box = (image: ImageRecord): Rect => ({ x: 0, y: 0, w: image.w, h: image.h });

export const imageUtil: ElementUtil<ImageRecord> = {
  localBounds: box,
  paintedBounds: (_image, bounds) => growRect(bounds, ANTIALIAS_MARGIN),
  hits: (image, local, radius) => insideRect(local, box(image), radius),
  draw(ctx, image, { pictures }) {
    const loaded = pictures.loaded(image.assetId);
    if (loaded) {
      ctx.drawImage(loaded, 0, 0, image.w, image.h);
      return;
    }
    ctx.fillStyle = PICTURE_FRAME.fill;
    ctx.fillRect(0, 0, image.w, image.h);
    ctx.strokeStyle = PICTURE_FRAME.stroke;
    ctx.lineWidth = PICTURE_FRAME.strokeWidth;
    ctx.strokeRect(0, 0, image.w, image.h);
    // A cross over the frame once the picture is known not to load.
    if (pictures.failed(image.assetId)) {
      ctx.beginPath();
      ctx.moveTo(0, 0);
      ctx.lineTo(image.w, image.h);
      ctx.moveTo(image.w, 0);
      ctx.lineTo(0, image.h);
      ctx.stroke();
    }
  },
  svg(image, { imageHref }) {
    const href = imageHref(image.assetId);
    const title = `<title>${escapeXml(image.alt)}</title>`;
    // A picture that cannot be had shows as an empty frame where it was.
    return href
      ? `<image href="${escapeXml(href)}" width="${image.w}" height="${image.h}" preserveAspectRatio="none">${title}</image>`
      : `<rect width="${image.w}" height="${image.h}" fill="${PICTURE_FRAME.fill}" stroke="${PICTURE_FRAME.stroke}" stroke-width="${PICTURE_FRAME.strokeWidth}">${title}</rect>`;
  },
};
