/** Line icons on a 24-unit grid, drawn in the current text colour. */
const PATHS: Record<string, string> = {
  pen: 'M4 20l4-1 10.5-10.5a2.1 2.1 0 0 0-3-3L5 16l-1 4zM14 7l3 3',
  highlighter: 'M9 15l-5 5h5l2-2M9 15l6-6 4 4-6 6M9 15l4 4M15 9l2-5 3 3-5 2',
  eraser: 'M7 20h13M5 15l8-8a2 2 0 0 1 3 0l3 3a2 2 0 0 1 0 3l-7 7H9l-4-4a1 1 0 0 1 0-1zM9 11l5 5',
  rect: 'M4 6h16v12H4z',
  ellipse: 'M12 5c4.4 0 8 3.1 8 7s-3.6 7-8 7-8-3.1-8-7 3.6-7 8-7z',
  line: 'M5 19L19 5',
  arrow: 'M5 19L19 5M10 5h9v9',
  note: 'M5 4h14v11l-5 5H5zM14 20v-5h5',
  text: 'M5 6V4h14v2M12 4v16M9 20h6',
  select: 'M5 3l13 8-6 1.5L9 19z',
  hand: 'M8 12V6a1.5 1.5 0 0 1 3 0v5M11 11V4.5a1.5 1.5 0 0 1 3 0V11M14 11V6a1.5 1.5 0 0 1 3 0v8c0 4-2.5 6-6 6-2.5 0-4-1-5.5-3L3 13a1.5 1.5 0 0 1 2.3-1.9L8 14',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  plus: 'M12 5v14M5 12h14',
  minus: 'M5 12h14',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  copy: 'M8 8h12v12H8zM4 16V4h12',
  front: 'M8 8h12v12H8zM4 4h10v2M4 4v10h2',
  back: 'M4 4h12v12H4zM18 8h2v12H8v-2',
  seats:
    'M4 10h16v4H4zM7 6a1.5 1.5 0 1 0 0-.01M17 6a1.5 1.5 0 1 0 0-.01M7 18a1.5 1.5 0 1 0 0-.01M17 18a1.5 1.5 0 1 0 0-.01',
  qr: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 14h2v2h-2zM14 18h2v2h-2zM18 18h2v2h-2z',
  key: 'M14.5 9.5a4.5 4.5 0 1 1-9 0 4.5 4.5 0 0 1 9 0zM13.2 12.7L20 19.5M17 16.5l2-2M15 14.5l2-2',
  frame: 'M3 4h18v16H3zM6 16l4-5 3 3 2-2 3 4M15.5 8.5a1 1 0 1 0 0-.01',
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  close: 'M6 6l12 12M18 6L6 18',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15 9.5a1.5 1.5 0 1 0 0-.01',
  camera: 'M4 8h4l2-3h4l2 3h4v11H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
  move: 'M12 3v18M3 12h18M9 6l3-3 3 3M9 18l3 3 3-3M6 9l-3 3 3 3M18 9l3 3-3 3',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

export function Icon({ name, size = 26 }: { name: keyof typeof PATHS | string; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      data-icon={name}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
