import { describe, expect, it } from 'vitest';
import { noteTextBox } from '../src/elements/note';
import { LINE_HEIGHT, layoutTextBox, textWidth, wrapText } from '../src/render/text-layout';

/** Every character 10 wide: easy to reason about. */
const mono = (text: string) => [...text].length * 10;

describe('wrapping text', () => {
  it('breaks at spaces so that every line fits, keeping words whole', () => {
    expect(wrapText('see think wonder', 100, mono)).toEqual(['see think', 'wonder']);
    expect(wrapText('a b c', 1000, mono)).toEqual(['a b c']);
  });

  it('keeps the lines a student typed, empty ones too', () => {
    expect(wrapText('one\n\ntwo', 100, mono)).toEqual(['one', '', 'two']);
  });

  it('splits only a word that is wider than the line by itself', () => {
    expect(wrapText('hi supercalifragilistic yes', 60, mono)).toEqual([
      'hi',
      'superc',
      'alifra',
      'gilist',
      'ic yes',
    ]);
    for (const line of wrapText('x'.repeat(95), 60, mono))
      expect(mono(line)).toBeLessThanOrEqual(60);
  });

  it('measures with fixed metrics, the same on every device and in the PDF', () => {
    // Helvetica-Bold: "W" is 944 units, "i" 278, a space 278.
    expect(textWidth('W', 1000)).toBe(944);
    expect(textWidth('Wi i', 10)).toBeCloseTo((944 + 278 + 278 + 278) / 100);
    expect(textWidth('é', 10)).toBe(textWidth('e', 10));
    expect(textWidth('猫', 10)).toBe(10);
  });

  it("lays a note's text out inside its padding, a line height apart", () => {
    const lines = layoutTextBox(
      noteTextBox({
        text: 'My preferred platform is the one my friends use',
        fontSize: 36,
        w: 320,
      }),
    );
    expect(lines.length).toBeGreaterThan(1);
    lines.forEach((line, i) => {
      expect(line.x).toBe(16);
      expect(line.y).toBe(16 + i * 36 * LINE_HEIGHT);
      expect(line.width).toBeLessThanOrEqual(320 - 32);
      expect(line.width).toBe(textWidth(line.text, 36));
    });
    expect(lines.map((l) => l.text).join(' ')).toBe(
      'My preferred platform is the one my friends use',
    );
  });
});
