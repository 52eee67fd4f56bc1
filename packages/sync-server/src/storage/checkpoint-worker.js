// Copies the SQLite WAL into the database file from a thread of its own (plain JS, so it
// loads the same under node, tsx and vitest). Done inside an append, a checkpoint stalls
// every board's relay for milliseconds; here it stalls nobody.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const MAX_PASSES = 20;

/** Reports a failure once per run of the same failure (a full disk fails every pass). */
let lastError = null;
function report(error) {
  const text = `${error.code ?? ''} ${error.message}`;
  if (text === lastError) return;
  lastError = text;
  parentPort.postMessage({ error: error.message, code: error.code });
}

let db = null;
try {
  db = new Database(workerData.path);
} catch (error) {
  report(error);
}

/** Frames in the WAL once every one of them is in the database file, else null. */
function checkpoint() {
  // PASSIVE never blocks the writer. Repeat while frames remain: each pass copies what was
  // appended during the one before.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (!result) return null;
    if (result.log <= result.checkpointed) return result.log;
  }
  return null;
}

const timer = setInterval(() => {
  if (!db) return;
  try {
    // The writer's own connection must then run a (now nearly empty) checkpoint for SQLite
    // to restart the WAL from its beginning; otherwise the file grows without bound. That
    // costs the writer about a millisecond, so it is asked only once the WAL is big.
    const frames = checkpoint();
    lastError = null;
    if (frames !== null && frames >= workerData.restartAfterFrames) {
      parentPort.postMessage({ caughtUp: true });
    }
  } catch (error) {
    // A full disk or a damaged page: the WAL keeps everything meanwhile; try again next time.
    report(error);
  }
}, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    db?.close();
  } catch {
    // Nothing left to do with a connection that will not close: the thread ends anyway.
  }
  parentPort.close();
});
