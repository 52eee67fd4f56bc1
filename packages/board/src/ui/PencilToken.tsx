/** The talking pencil itself: a big yellow pencil, drawn (no emoji font needed on a kiosk). */
export function PencilToken({ size = 44 }: { size?: number }) {
  return (
    <svg
      className="pencil-token"
      width={size}
      height={size}
      viewBox="0 0 48 48"
      aria-hidden="true"
      strokeLinejoin="round"
    >
      <g transform="rotate(45 24 24)">
        <rect
          x="17"
          y="4"
          width="14"
          height="28"
          rx="2"
          fill="#fcc419"
          stroke="#1f2a44"
          strokeWidth="2.5"
        />
        <rect
          x="17"
          y="4"
          width="14"
          height="6"
          rx="2"
          fill="#ff8787"
          stroke="#1f2a44"
          strokeWidth="2.5"
        />
        <path d="M17 32 L24 45 L31 32 Z" fill="#ffe8cc" stroke="#1f2a44" strokeWidth="2.5" />
        <path d="M21.5 40.5 L24 45 L26.5 40.5 Z" fill="#1f2a44" />
      </g>
    </svg>
  );
}
