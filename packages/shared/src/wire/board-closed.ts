/**
 * WebSocket close code: the librarian closed (deleted) the board this device was on. The
 * device says so, in its own language, and does not reconnect.
 */
export const CLOSE_BOARD_CLOSED = 4410;
