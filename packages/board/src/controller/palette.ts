import { type MessageId, t } from '../i18n';

/**
 * Colours with names a child can say ("red"), as every colour picker offers them; the seats'
 * own colours are among them. Stored as lowercase `#rrggbb` (the board's colour format).
 */
export const PALETTE: readonly { name: MessageId; color: string }[] = [
  { name: 'colour.black', color: '#1f2a44' },
  { name: 'colour.grey', color: '#868e96' },
  { name: 'colour.white', color: '#ffffff' },
  { name: 'colour.red', color: '#e03131' },
  { name: 'colour.pink', color: '#c2255c' },
  { name: 'colour.orange', color: '#f08c00' },
  { name: 'colour.yellow', color: '#fcc419' },
  { name: 'colour.brown', color: '#8d5524' },
  { name: 'colour.green', color: '#2f9e44' },
  { name: 'colour.teal', color: '#0c8599' },
  { name: 'colour.blue', color: '#1971c2' },
  { name: 'colour.purple', color: '#9c36b5' },
  { name: 'colour.violet', color: '#5f3dc4' },
];

/** The sticky notes' paper colours (`NOTE_COLORS`), named for the swatches that pick them. */
export const NOTE_PALETTE: readonly { name: MessageId; color: string }[] = [
  { name: 'colour.yellow', color: '#ffe066' },
  { name: 'colour.pink', color: '#ffc9c9' },
  { name: 'colour.green', color: '#b2f2bb' },
  { name: 'colour.blue', color: '#a5d8ff' },
  { name: 'colour.lilac', color: '#eebefa' },
  { name: 'colour.peach', color: '#ffd8a8' },
];

/** A colour's name in the device's language ("Red"), or its code when it is a custom one. */
export function colourName(color: string): string {
  const code = color.toLowerCase();
  const named = PALETTE.find((p) => p.color === code) ?? NOTE_PALETTE.find((p) => p.color === code);
  return named ? t(named.name) : color;
}
