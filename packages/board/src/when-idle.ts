/**
 * Runs `task` once the page has nothing more urgent to do (after a board's first paint,
 * typically), or after `timeoutMs` at the latest. Safari has no idle callbacks: a timer.
 * Returns a function that cancels it.
 */
export function whenIdle(task: () => void, timeoutMs = 3_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, Math.min(timeoutMs, 1_000));
  return () => clearTimeout(timer);
}
