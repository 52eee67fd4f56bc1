/** An exhibit as the gallery lists it (`GET /api/exhibits`): everything but its content. */
export interface ExhibitInfo {
  id: string;
  boardId: string;
  title: string;
  group: string;
  participants: string[];
  description: string;
  /** The routine the board was made in ("Think – Pair – Share"), if any. */
  routine: string | null;
  createdAt: number;
}
