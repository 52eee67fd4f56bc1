import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

/**
 * lib0 is patched (patches/lib0@0.2.120.patch) to decode short ASCII strings in JavaScript
 * instead of one TextDecoder call each. These pin that every string still reads back as it
 * was written, on both sides of the cut-over and when a string is not ASCII.
 */
const roundTrip = (value: string) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, value);
  encoding.writeVarUint(encoder, 7); // what follows must still be read from the right place
  const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
  return [decoding.readVarString(decoder), decoding.readVarUint(decoder)];
};

describe('lib0 strings (patched decoder)', () => {
  it.each([
    ['empty', ''],
    ['a key', 'points'],
    ['a colour', '#1f2a44'],
    ['47 ASCII characters', 'x'.repeat(47)],
    ['48 ASCII characters', 'y'.repeat(48)],
    ['a long string', 'z'.repeat(500)],
    ['accents', 'Zoë’s café'],
    ['ASCII then a non-ASCII letter last', `${'a'.repeat(20)}é`],
    ['emoji', '✏️ talking pencil 🖍'],
    ['control characters', '\u0000\u0001\t\n\u007f'],
  ])('reads back %s', (_name, value) => {
    expect(roundTrip(value)).toEqual([value, 7]);
  });

  it('refuses a string cut short instead of reading past the end', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, 'a complete string');
    const bytes = encoding.toUint8Array(encoder).subarray(0, 6);
    expect(() => decoding.readVarString(decoding.createDecoder(bytes))).toThrow();
  });

  it('refuses bytes that are not UTF-8, as TextDecoder does', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint8Array(encoder, new Uint8Array([0x61, 0xff, 0x62]));
    expect(() =>
      decoding.readVarString(decoding.createDecoder(encoding.toUint8Array(encoder))),
    ).toThrow();
  });

  it('carries a Yjs document of records through an update unchanged', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('elements');
    map.set('s1', { id: 's1', color: '#e03131', tool: 'pen', label: 'Amara’s idea ✨' });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getMap('elements').toJSON()).toEqual(map.toJSON());
  });
});
