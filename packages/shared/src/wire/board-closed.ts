/**
 * WebSocket close code: the librarian closed (deleted) the board this device was on. The
 * device says so and does not reconnect; the reason is the message for whoever is there.
 */
export const CLOSE_BOARD_CLOSED = 4410;
export const BOARD_CLOSED_MESSAGE = 'The librarian has closed this board.';
