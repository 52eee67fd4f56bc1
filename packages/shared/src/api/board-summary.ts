/** A board as the librarian's home lists it (`GET /api/boards`). */
export interface BoardSummary {
  id: string;
  title: string;
  elements: number;
  locked: boolean;
  pencil: 'open' | 'pencil';
  archived: boolean;
  /** Devices on it now. */
  devices: number;
}
