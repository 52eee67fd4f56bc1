import type { BoardStore } from './board-store';

/**
 * Keeps boards in memory only: everything is lost when the process ends. It exists so the
 * relay benchmark can measure what durability costs (STORAGE=memory); never use it for a class.
 */
export function openMemoryStore(): BoardStore {
  const boards = new Map<string, Uint8Array[]>();
  const log = (boardId: string) => {
    const updates = boards.get(boardId) ?? [];
    boards.set(boardId, updates);
    return updates;
  };
  return {
    load: (boardId) => [...log(boardId)],
    append: (updates) => {
      for (const { boardId, update } of updates) log(boardId).push(update);
    },
    compact: (boardId, state) => void boards.set(boardId, [state]),
    logLength: (boardId) => Math.max(0, log(boardId).length - 1),
    deleteBoard: (boardId) => void boards.delete(boardId),
    listBoards: () => [...boards.keys()].filter((id) => boards.get(id)!.length > 0),
    hasBoard: (boardId) => (boards.get(boardId)?.length ?? 0) > 0,
    close: async () => boards.clear(),
  };
}
