/**
 * In-page probes of the grid bench, installed before any page script runs (`addInitScript`) or,
 * on the plain-DOM floor, after the page loaded.
 *
 * `__gridPainted(find)` resolves (as ms since navigation start) after the paint of the first frame
 * in which `find()` reports the first table's cells and the viewport shows none of the lazy
 * project placeholders (`[data-reveal-id]`) under the root it returns: checked in each animation
 * frame, timed by a message posted from that frame, which runs once it is painted (not at the
 * frame after, which work started after the paint would push back); it rejects after 30 s.
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
  // Called in an animation frame: the message arrives once this frame has been painted.
  const afterThisFrame = (f) => { const c = new MessageChannel(); c.port1.onmessage = () => f(performance.now()); c.port2.postMessage(0); };
  window.__gridPainted = (find) => new Promise((resolve, reject) => {
    const check = () => {
      const { cells, root } = find();
      const pending = root ? [...root.querySelectorAll('[data-reveal-id]')].filter(inView) : [];
      if (cells && pending.length === 0) afterThisFrame(resolve);
      else if (performance.now() > 30000) reject(new Error('no grid painted within 30 s'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
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
