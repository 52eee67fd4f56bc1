/**
 * Colours with names a child can say ("red"), as every colour picker offers them; the seats'
 * own colours are among them. Stored as lowercase `#rrggbb` (the board's colour format).
 */
export const PALETTE: readonly { name: string; color: string }[] = [
  { name: 'Black', color: '#1f2a44' },
  { name: 'Grey', color: '#868e96' },
  { name: 'White', color: '#ffffff' },
  { name: 'Red', color: '#e03131' },
  { name: 'Pink', color: '#c2255c' },
  { name: 'Orange', color: '#f08c00' },
  { name: 'Yellow', color: '#fcc419' },
  { name: 'Brown', color: '#8d5524' },
  { name: 'Green', color: '#2f9e44' },
  { name: 'Teal', color: '#0c8599' },
  { name: 'Blue', color: '#1971c2' },
  { name: 'Purple', color: '#9c36b5' },
  { name: 'Violet', color: '#5f3dc4' },
];

/** A colour's name ("Red"), or its code when it is a custom one. */
export function colourName(color: string): string {
  return PALETTE.find((p) => p.color === color.toLowerCase())?.name ?? color;
}
