/**
 * Runs `task` once the page is idle, and at the latest `timeoutMs` later: work a first paint
 * does not need (the browser copy's bookkeeping) waits behind it. Returns the cancel function.
 * Falls back to a timer where `requestIdleCallback` is missing.
 */
export function whenIdle(task: () => void, timeoutMs = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

/**
 * Runs `task` right after the next frame is painted (an animation frame, then a task), so a long
 * task started now does not hold back what the page already rendered; at the latest after
 * `timeoutMs` (a hidden tab paints no frames). Returns the cancel function.
 */
export function afterNextPaint(task: () => void, timeoutMs = 200): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancel();
    task();
  };
  let after: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (after = setTimeout(once, 0)));
  const latest = setTimeout(once, timeoutMs);
  const cancel = () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(after);
    clearTimeout(latest);
  };
  return cancel;
}
