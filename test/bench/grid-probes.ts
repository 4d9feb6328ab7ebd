/**
 * In-page probes of the grid bench, installed before any page script runs (`addInitScript`) or,
 * on the plain-DOM floor, after the page loaded.
 *
 * `__gridPainted(find)` resolves (as ms since navigation start) after the paint of the first frame
 * in which `find()` reports the first table's cells and the viewport shows none of the lazy
 * project placeholders (`[data-reveal-id]`) under the root it returns: checked right after each
 * frame is painted, by a task posted from that frame at the highest priority (user-blocking), so
 * neither a change made by a later animation-frame callback of the same frame nor a long task the
 * page queued meanwhile moves the reading; it rejects after 30 s.
 *
 * `__whenTrue(check)` resolves (ms since navigation start) in the first animation frame in which
 * `check()` is true; it rejects after 30 s.
 *
 * `__probeKeys()` times each printable keydown from the event's own timestamp (so time the key
 * waited behind other work counts) to the first animation frame whose focused editor shows the
 * character where it was typed (keys typed within one frame each find their own). Latencies collect in `__latencies`.
 */
export const GRID_PROBES = `
(() => {
  const inView = (el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.height > 0; };
  // Called in an animation frame: runs once this frame has been painted, ahead of tasks queued
  // meanwhile (a user-blocking task where the Scheduler API exists, else a message).
  const afterThisFrame = (f) => {
    if (window.scheduler?.postTask) return void scheduler.postTask(() => f(performance.now()), { priority: 'user-blocking' });
    const c = new MessageChannel(); c.port1.onmessage = () => f(performance.now()); c.port2.postMessage(0);
  };
  // From the document's start, after each painted frame: does it show what __paintFind finds?
  // What is checked is what that frame showed, whenever the bench gets round to asking.
  let painted = null;
  let failed = null;
  const waiting = [];
  const settle = () => { for (const w of waiting.splice(0)) w(); };
  const watch = () => requestAnimationFrame(() => afterThisFrame((now) => {
    const find = window.__paintFind;
    const seen = find ? find() : { cells: false, root: null };
    const pending = seen.root ? [...seen.root.querySelectorAll('[data-reveal-id]')].filter(inView) : [];
    if (seen.cells && pending.length === 0) return (painted = now, settle());
    if (now > 30000) return (failed = new Error('no grid painted within 30 s'), settle());
    watch();
  }));
  watch();
  window.__gridPainted = (find) => {
    // Set before the page loaded (paintFind), the watch saw every frame; set only now, from now on.
    window.__paintFind ??= find;
    return new Promise((resolve, reject) => {
      const answer = () => (painted !== null ? resolve(painted) : reject(failed));
      if (painted !== null || failed) answer();
      else waiting.push(answer);
    });
  };
  window.__whenTrue = (check) => new Promise((resolve, reject) => {
    const frame = () => (check() ? resolve(performance.now()) : performance.now() > 30000 ? reject(new Error('not ready within 30 s')) : requestAnimationFrame(frame));
    requestAnimationFrame(frame);
  });
  window.__latencies = [];
  window.__probeKeys = () => {
    if (window.__probing) return;
    window.__probing = true;
    addEventListener('keydown', (e) => {
      if (e.key.length !== 1) return;
      const t0 = e.timeStamp;
      const focused = () => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el && 'value' in el ? el : null;
      };
      // Where the character lands: typing appends; a key that opens the editor starts it afresh.
      const at = focused()?.value.length ?? 0;
      const seen = () => focused()?.value[at] === e.key;
      const frame = () => (seen() ? window.__latencies.push(performance.now() - t0) : requestAnimationFrame(frame));
      requestAnimationFrame(frame);
    }, true);
  };
})();
`;

/** An init script that tells {@link GRID_PROBES} what to look for from the document's start (`find`, as for `__gridPainted`). */
export const paintFind = (find: string): string => `window.__paintFind = ${find};`;

/** `find` for {@link GRID_PROBES} in the app: the first `<indicator-grid>`'s cells, under `<budget-document>`. */
export const FIND_APP_GRID = `() => {
  const root = document.querySelector('jixiao-app')?.shadowRoot?.querySelector('budget-document')?.shadowRoot ?? null;
  return { cells: !!root?.querySelector('indicator-grid')?.shadowRoot?.querySelector('[role="gridcell"]'), root };
}`;

/**
 * `check` for `__whenTrue` in the app: the whole document has loaded (from the server or the
 * browser copy) and its first grid is editable; a first screen shown before is read-only.
 */
export const APP_EDITABLE = `() => {
  const root = document.querySelector('jixiao-app')?.shadowRoot?.querySelector('budget-document')?.shadowRoot ?? null;
  return root?.querySelector('indicator-grid')?.shadowRoot?.querySelector('[role="grid"]')?.getAttribute('aria-readonly') === 'false';
}`;

/** `find` for {@link GRID_PROBES} on the plain-DOM floor: any table cell of the page. */
export const FIND_PLAIN_GRID = `() => ({ cells: !!document.querySelector('td'), root: document })`;
