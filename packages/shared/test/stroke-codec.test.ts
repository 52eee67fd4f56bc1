import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runCommand } from '../src/commands/command';
import { addStroke } from '../src/commands/strokes';
import { localOrigin } from '../src/doc/origins';
import {
  DEFAULT_PRESSURE,
  decodeStroke,
  decodeStrokeOnce,
  encodeStroke,
  isEncodedStroke,
  MAX_STROKE_POINTS,
  STROKE_QUANTUM,
  StrokeEncodingError,
} from '../src/encoding/stroke-codec';
import { handDrawnStroke, newBoard } from './fixtures';

describe('stroke encoding', () => {
  it('round-trips points within half a quantum and pressure within 1/510', () => {
    const points = handDrawnStroke(200);
    const decoded = decodeStroke(encodeStroke(points));
    expect(decoded.count).toBe(200);
    expect(decoded.hasPressure).toBe(true);
    points.forEach((p, i) => {
      expect(Math.abs(decoded.points[i * 3]! - p.x)).toBeLessThanOrEqual(STROKE_QUANTUM / 2 + 1e-3);
      expect(Math.abs(decoded.points[i * 3 + 1]! - p.y)).toBeLessThanOrEqual(
        STROKE_QUANTUM / 2 + 1e-3,
      );
      expect(Math.abs(decoded.points[i * 3 + 2]! - p.pressure!)).toBeLessThanOrEqual(
        1 / 510 + 1e-6,
      );
    });
  });

  it('does not drift: error stays bounded at the end of a long stroke', () => {
    const points = handDrawnStroke(5_000, 7);
    const decoded = decodeStroke(encodeStroke(points));
    const last = points.at(-1)!;
    expect(Math.abs(decoded.points[4_999 * 3]! - last.x)).toBeLessThanOrEqual(
      STROKE_QUANTUM / 2 + 1e-3,
    );
  });

  it('omits pressure for devices that report none and decodes it as the default', () => {
    const withPressure = encodeStroke(handDrawnStroke(200, 3, true));
    const without = encodeStroke(handDrawnStroke(200, 3, false));
    expect(without.length).toBeLessThan(withPressure.length);
    const decoded = decodeStroke(without);
    expect(decoded.hasPressure).toBe(false);
    expect(decoded.points[2]).toBe(DEFAULT_PRESSURE);
  });

  it('keeps a 200-point stroke under 1 KiB, bytes and as a Yjs update', () => {
    const points = handDrawnStroke(200);
    const encoded = encodeStroke(points);
    expect(encoded.length).toBeLessThan(1024);

    const board = newBoard();
    const updates: Uint8Array[] = [];
    board.doc.on('update', (u: Uint8Array) => updates.push(u));
    runCommand(
      board,
      addStroke,
      { authorId: 'seat-1', tool: 'pen', color: '#1f2a44', width: 4, points },
      localOrigin('seat-1'),
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]!.length).toBeLessThanOrEqual(1024);

    // The naive layout (a float array in a Yjs record) for comparison: several times larger.
    const naive = new Y.Doc();
    naive.getMap('elements').set('s', { points: points.flatMap((p) => [p.x, p.y, p.pressure!]) });
    const naiveSize = Y.encodeStateAsUpdate(naive).length;
    expect(naiveSize / updates[0]!.length).toBeGreaterThan(4);
    console.info(
      `200-point stroke: ${encoded.length} B encoded, ${updates[0]!.length} B as a Yjs update, ` +
        `${naiveSize} B as a float array (${(naiveSize / updates[0]!.length).toFixed(1)}x)`,
    );
  });

  it('refuses truncated, padded, unknown and oversized encodings', () => {
    const good = encodeStroke(handDrawnStroke(50));
    expect(isEncodedStroke(good)).toBe(true);
    expect(() => decodeStroke(good.subarray(0, good.length - 1))).toThrow(StrokeEncodingError);
    expect(() => decodeStroke(new Uint8Array([...good, 0]))).toThrow(/trailing bytes/);
    expect(() => decodeStroke(new Uint8Array([9, 0, 0]))).toThrow(/unknown stroke format/);
    expect(() => decodeStroke(new Uint8Array([1, 4, 0]))).toThrow(/unknown stroke flags/);
    expect(() => decodeStroke(new Uint8Array([1, 0, 0xff, 0xff, 0x7f]))).toThrow(/too many points/);
    expect(() => decodeStroke(new Uint8Array())).toThrow(StrokeEncodingError);
    expect(() => encodeStroke(handDrawnStroke(MAX_STROKE_POINTS + 1))).toThrow(/at most/);
    expect(() => encodeStroke([{ x: Number.NaN, y: 0 }])).toThrow(/finite/);
  });

  it('agrees with the decoder on every mutated encoding (the validators use the fast check)', () => {
    const random = prng.create(99);
    const good = [encodeStroke(handDrawnStroke(40)), encodeStroke(handDrawnStroke(40, 2, false))];
    for (let i = 0; i < 5_000; i++) {
      const bytes = Uint8Array.from(prng.oneOf(random, good));
      const at = prng.int32(random, 0, bytes.length - 1);
      bytes[at] = prng.uint32(random, 0, 255);
      const cut = prng.bool(random)
        ? bytes.subarray(0, prng.int32(random, 0, bytes.length))
        : bytes;
      let decodes = true;
      try {
        decodeStroke(cut);
      } catch {
        decodes = false;
      }
      expect(isEncodedStroke(cut)).toBe(decodes);
    }
  });

  it('encodes an empty stroke (a tap) and a single dot', () => {
    expect(decodeStroke(encodeStroke([])).count).toBe(0);
    expect(decodeStroke(encodeStroke([{ x: 0, y: 0 }])).points.slice(0, 2)).toEqual(
      new Float32Array([0, 0]),
    );
  });
});

describe('decoding a stroke once', () => {
  it('decodes each bytes object once and gives the same points as decodeStroke', () => {
    const bytes = encodeStroke(handDrawnStroke(40));
    const first = decodeStrokeOnce(bytes);
    expect(first).toEqual(decodeStroke(bytes));
    expect(decodeStrokeOnce(bytes)).toBe(first);
    // A replaced record has new bytes, and so a new decoding.
    const copy = bytes.slice();
    expect(decodeStrokeOnce(copy)).not.toBe(first);
    expect(decodeStrokeOnce(copy)).toEqual(first);
  });
});
