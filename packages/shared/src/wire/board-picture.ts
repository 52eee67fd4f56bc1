/**
 * The server's picture of a board for one view (`GET /api/boards/<id>/raster`): its pixels
 * raw, RGBA rows, not premultiplied (as ImageData holds them), width × height × 4 bytes.
 * The page puts them on a canvas as they are. At 4K (33 MB) that took 310–450 ms from
 * navigation here; the same pixels gzipped (8 MB) took 500–720 ms, as the browser inflated
 * them, and a PNG's decode alone 160–430 ms. Only the table asks for one (a tablet draws),
 * on the school's network.
 */
export const BOARD_PICTURE_TYPE = 'application/vnd.roundtable.rgba';

/** The bytes of a picture of this many pixels. */
export const picturePixelBytes = (width: number, height: number) => width * height * 4;
