import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { memoByObject } from '../util/memo-by-object';

/**
 * Compact stroke encoding. A stroke's points (relative to the stroke's x/y) are quantised to
 * STROKE_QUANTUM board units, delta-coded and packed as signed varints; pressure likewise in
 * 1/255 steps. Layout: varuint format, varuint flags, varuint count, then per point
 * varint dx, varint dy [, varint dpressure]. A float array in Yjs costs 5–7x more bytes.
 */
export const STROKE_FORMAT = 1;
/** Quarter units: at most 1/8 unit off, invisible after perfect-freehand smoothing. */
export const STROKE_QUANTUM = 0.25;
const PRESSURE_STEPS = 255;
const FLAG_PRESSURE = 1;
/** A 30-second scribble at 240 Hz is ~7,000 points; anything past this is not a stroke. */
export const MAX_STROKE_POINTS = 20_000;
/** Pressure reported for devices that report none (Pointer Events use 0.5 too). */
export const DEFAULT_PRESSURE = 0.5;

export interface StrokePoint {
  x: number;
  y: number;
  /** 0..1 where the device reports it. */
  pressure?: number;
}

/** Decoded points as interleaved [x, y, pressure] triples, ready for perfect-freehand. */
export interface DecodedStroke {
  count: number;
  hasPressure: boolean;
  points: Float32Array;
}

export class StrokeEncodingError extends Error {
  override name = 'StrokeEncodingError';
}

const quantise = (value: number) => Math.round(value / STROKE_QUANTUM);
const quantisePressure = (p: number) => Math.round(Math.min(1, Math.max(0, p)) * PRESSURE_STEPS);

export function encodeStroke(points: readonly StrokePoint[]): Uint8Array {
  if (points.length > MAX_STROKE_POINTS) {
    throw new StrokeEncodingError(`a stroke has at most ${MAX_STROKE_POINTS} points`);
  }
  const hasPressure = points.some((p) => p.pressure !== undefined);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, STROKE_FORMAT);
  encoding.writeVarUint(encoder, hasPressure ? FLAG_PRESSURE : 0);
  encoding.writeVarUint(encoder, points.length);
  let qx = 0;
  let qy = 0;
  let qp = 0;
  for (const point of points) {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) {
      throw new StrokeEncodingError('stroke points must be finite numbers');
    }
    const nx = quantise(point.x);
    const ny = quantise(point.y);
    encoding.writeVarInt(encoder, nx - qx);
    encoding.writeVarInt(encoder, ny - qy);
    qx = nx;
    qy = ny;
    if (hasPressure) {
      const np = quantisePressure(point.pressure ?? DEFAULT_PRESSURE);
      encoding.writeVarInt(encoder, np - qp);
      qp = np;
    }
  }
  return encoding.toUint8Array(encoder);
}

export function decodeStroke(bytes: Uint8Array): DecodedStroke {
  try {
    const decoder = decoding.createDecoder(bytes);
    const format = decoding.readVarUint(decoder);
    if (format !== STROKE_FORMAT) throw new StrokeEncodingError(`unknown stroke format ${format}`);
    const flags = decoding.readVarUint(decoder);
    if (flags & ~FLAG_PRESSURE) throw new StrokeEncodingError(`unknown stroke flags ${flags}`);
    const hasPressure = (flags & FLAG_PRESSURE) !== 0;
    const count = decoding.readVarUint(decoder);
    if (count > MAX_STROKE_POINTS) throw new StrokeEncodingError(`too many points (${count})`);
    const points = new Float32Array(count * 3);
    let qx = 0;
    let qy = 0;
    let qp = 0;
    for (let i = 0; i < count; i++) {
      qx += decoding.readVarInt(decoder);
      qy += decoding.readVarInt(decoder);
      points[i * 3] = qx * STROKE_QUANTUM;
      points[i * 3 + 1] = qy * STROKE_QUANTUM;
      if (hasPressure) {
        qp += decoding.readVarInt(decoder);
        if (qp < 0 || qp > PRESSURE_STEPS) throw new StrokeEncodingError('pressure out of range');
        points[i * 3 + 2] = qp / PRESSURE_STEPS;
      } else {
        points[i * 3 + 2] = DEFAULT_PRESSURE;
      }
    }
    if (decoding.hasContent(decoder)) throw new StrokeEncodingError('trailing bytes after stroke');
    return { count, hasPressure, points };
  } catch (error) {
    if (error instanceof StrokeEncodingError) throw error;
    throw new StrokeEncodingError(`truncated or corrupt stroke (${(error as Error).message})`);
  }
}

/**
 * True when `bytes` decodes as a complete stroke. The validators run this on every stroke a
 * client sends, so it walks the bytes without allocating the decoded points.
 */
export function isEncodedStroke(bytes: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== STROKE_FORMAT) return false;
    const flags = decoding.readVarUint(decoder);
    if (flags & ~FLAG_PRESSURE) return false;
    const valuesPerPoint = flags & FLAG_PRESSURE ? 3 : 2;
    const count = decoding.readVarUint(decoder);
    if (count > MAX_STROKE_POINTS) return false;
    let qp = 0;
    for (let i = 0; i < count; i++) {
      decoding.readVarInt(decoder);
      decoding.readVarInt(decoder);
      if (valuesPerPoint === 3) {
        qp += decoding.readVarInt(decoder);
        if (qp < 0 || qp > PRESSURE_STEPS) return false;
      }
    }
    return !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}

/**
 * `decodeStroke`, once per bytes object: a record keeps its bytes until it is replaced, so
 * its bounds, its outline and its SVG share one decoding. Callers must not change the points.
 */
export const decodeStrokeOnce = memoByObject(decodeStroke);
