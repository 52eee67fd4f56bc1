/**
 * RGBA pixels with their colour multiplied by their alpha (as rasterisers keep them) turned
 * into plain RGBA (as ImageData holds them), in place. Fully opaque and fully clear pixels
 * are unchanged; a clear pixel stays all zero.
 */
export function unpremultiply(pixels: Uint8Array | Uint8ClampedArray): void {
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3]!;
    if (alpha === 0 || alpha === 255) continue;
    for (let c = i; c < i + 3; c++)
      pixels[c] = Math.min(255, Math.round((pixels[c]! * 255) / alpha));
  }
}
