/** The parts of a Yjs event this module reads (an observeDeep callback's events). */
export interface ProjectsEvent {
  target: unknown;
  /** Keys of the target map that changed; only read when the target is the `projects` map. */
  keys: ReadonlyMap<string, unknown>;
  /** Path from the observed type (the `projects` map) to the target: `[projectId, …]`. */
  path: ReadonlyArray<string | number>;
}

/**
 * Ids of the projects whose content a batch of changes touched, from the events of an
 * `observeDeep` on the `projects` map. A project added, removed or replaced is listed by the
 * map's own event; any change below it (a header field, 资金用途, a row, a row's cell) by the
 * first step of the event's path. Ids of removed projects are listed too: harmless for callers.
 */
export function changedProjectIds(events: readonly ProjectsEvent[], projects: object): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.target === projects) {
      for (const key of event.keys.keys()) ids.add(key);
      continue;
    }
    const first = event.path[0];
    if (typeof first === 'string') ids.add(first);
  }
  return ids;
}
