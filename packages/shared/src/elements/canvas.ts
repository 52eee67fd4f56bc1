/**
 * The part of a browser's CanvasRenderingContext2D that elements draw with, so their
 * drawing lives beside their geometry here (shared has no DOM) and the board passes its
 * real context. Methods, not function properties: TypeScript then accepts the DOM's wider
 * parameter types (a picture is whatever the board's image cache holds).
 */
export interface Canvas2D {
  globalAlpha: number;
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  font: string;
  textBaseline: string;
  save(): void;
  restore(): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  translate(x: number, y: number): void;
  rotate(radians: number): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  ellipse(
    x: number,
    y: number,
    radiusX: number,
    radiusY: number,
    rotation: number,
    startAngle: number,
    endAngle: number,
  ): void;
  fill(): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}

/** Pictures as the drawing side holds them: decoded, still loading (null), or failed. */
export interface Pictures {
  loaded(assetId: string): unknown | null;
  failed(assetId: string): boolean;
}

export interface DrawOptions {
  /** Device pixels per board unit: ink traces curves only where they would show. */
  scale: number;
  pictures: Pictures;
}
