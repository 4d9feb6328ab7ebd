import type { Browser, Page } from 'playwright-core';
import { paintFind } from './grid-probes.ts';
import { sleep } from './timing.ts';

/** A page measured cold: where it is, how to find its first table, and what its context needs first. */
export interface ColdSubject {
  /** The address of a fresh load (for the app: a document nobody has opened yet). */
  url(): Promise<string>;
  /** `find` for `__gridPainted` (grid-probes.ts). */
  find: string;
  /** Run on each new page before it loads (e.g. a route for the floor's page). */
  prepare?(page: Page): Promise<void>;
  /** `check` for `__whenTrue` (grid-probes.ts): the whole page is there and editable, timed too when given. */
  ready?: string;
}

/** Each subject's cold loads: ms from navigation to the painted first table, and to `ready` (empty without one). */
export interface ColdTimes {
  painted: number[];
  ready: number[];
}

/**
 * How far a measured navigation goes before the probe starts: the new document exists (its init
 * scripts ran), nothing more. Waiting for the load event (Playwright's default) started the probe
 * after the load event and a round trip, so a page that painted its table before then was timed
 * at that moment instead; the floor's static page always did, the app's first screen often.
 */
export const NAVIGATED = { waitUntil: 'commit' } as const;

/** Pause after pages are created, before they load: Chromium keeps setting up a new context for a while. */
const SETTLE_MS = 1_000;

/**
 * Lets Chromium finish setting up `pages` before anything is timed. Creating a context keeps the
 * browser busy for a while after Playwright returns; on two cores a cold load started at once
 * shared them with that set-up (the grid's cold load measured ~1,200 ms that way against ~600–700
 * ms after a pause, the floor's ~450 against ~360–400), which no person opening the app in a
 * running browser pays.
 */
export async function settle(pages: readonly Page[]): Promise<void> {
  for (const page of pages) await page.goto('about:blank');
  await sleep(SETTLE_MS);
}

/**
 * `samples` cold loads of each subject, alternating between them: each in a browser context of
 * its own (no HTTP cache, no service worker, no browser copy), created and settled before the
 * navigation, then closed. Returns each subject's times.
 */
export async function measureColdLoads(browser: Browser, subjects: readonly ColdSubject[], samples: number, newPage: (browser: Browser) => Promise<Page>): Promise<ColdTimes[]> {
  const times = subjects.map((): ColdTimes => ({ painted: [], ready: [] }));
  for (let i = 0; i < samples; i++) {
    for (const [index, subject] of subjects.entries()) {
      const page = await newPage(browser);
      try {
        await subject.prepare?.(page);
        await page.addInitScript(paintFind(subject.find));
        const url = await subject.url();
        await settle([page]);
        // Timed from the start: the probe starts once the page exists (NAVIGATED), not after its load event.
        await page.goto(url, NAVIGATED);
        times[index]?.painted.push((await page.evaluate(`window.__gridPainted(${subject.find})`)) as number);
        if (subject.ready) times[index]?.ready.push((await page.evaluate(`window.__whenTrue(${subject.ready})`)) as number);
      } finally {
        await page.context().close();
      }
    }
  }
  return times;
}
