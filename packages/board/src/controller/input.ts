/** One pointer sample, in CSS pixels of the board's viewport, as the controller sees it. */
export interface PointerSample {
  id: number;
  kind: 'touch' | 'pen' | 'mouse';
  x: number;
  y: number;
  /** 0..1 where the device reports it (pens); undefined for fingers and mice. */
  pressure?: number;
  /** Contact size in CSS pixels (touch screens report it; 1 elsewhere). */
  width: number;
  height: number;
  /** Mouse buttons held (1 left, 2 right, 4 middle). */
  buttons?: number;
}

/** A fingertip is ~10–20 px across; a resting palm or wrist is far larger. */
export const PALM_SIZE = 60;

export function isPalm(sample: PointerSample): boolean {
  return sample.kind === 'touch' && Math.max(sample.width, sample.height) >= PALM_SIZE;
}

/** Only pens report real pressure; touch screens report 0.5 or 1 regardless. */
export function realPressure(event: { pointerType: string; pressure: number }): number | undefined {
  return event.pointerType === 'pen' && event.pressure > 0 ? event.pressure : undefined;
}
