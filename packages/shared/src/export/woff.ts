/**
 * A WOFF 1.0 font file as the TrueType/OpenType file it wraps (each table inflated): what a
 * PDF embeds (FontFile2). @fontsource ships WOFF; this is the WOFF spec's own layout.
 */
export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) return woff; // not 'wOFF': already a font file
  const count = view.getUint16(12);
  const tables = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const at = 44 + i * 20;
      const offset = view.getUint32(at + 4);
      const stored = woff.subarray(offset, offset + view.getUint32(at + 8));
      const length = view.getUint32(at + 12);
      return {
        tag: view.getUint32(at),
        checksum: view.getUint32(at + 16),
        data: stored.length < length ? await inflate(stored) : stored,
      };
    }),
  );
  let size = 12 + 16 * count;
  for (const table of tables) size += (table.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const write = new DataView(out.buffer);
  write.setUint32(0, view.getUint32(4)); // the wrapped font's flavour
  write.setUint16(4, count);
  const power = 2 ** Math.floor(Math.log2(count));
  write.setUint16(6, power * 16);
  write.setUint16(8, Math.log2(power));
  write.setUint16(10, count * 16 - power * 16);
  let at = 12 + 16 * count;
  tables.forEach((table, i) => {
    out.set(table.data, at);
    const entry = 12 + i * 16;
    write.setUint32(entry, table.tag);
    write.setUint32(entry + 4, table.checksum);
    write.setUint32(entry + 8, at);
    write.setUint32(entry + 12, table.data.length);
    at += (table.data.length + 3) & ~3;
  });
  return out;
}

/** zlib data inflated (WOFF tables are zlib streams), in a browser or Node alike. */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(data)])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
