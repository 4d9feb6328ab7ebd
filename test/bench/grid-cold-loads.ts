import type { Browser, Page } from 'playwright-core';
import { sleep } from './timing.ts';

/** A page measured cold: where it is, how to find its first table, and what its context needs first. */
export interface ColdSubject {
  /** The address of a fresh load (for the app: a document nobody has opened yet). */
  url(): Promise<string>;
  /** `find` for `__gridPainted` (grid-probes.ts). */
  find: string;
  /** Run on each new page before it loads (e.g. a route for the floor's page). */
  prepare?(page: Page): Promise<void>;
}

/** Pause after a page is created, before it loads: Chromium keeps setting up a new context for a while. */
const SETTLE_MS = 1_000;

/**
 * `samples` cold loads of each subject, alternating between them: each in a browser context of
 * its own (no HTTP cache, no service worker, no browser copy), created and settled before the
 * navigation, then closed. Returns each subject's times (ms from navigation to the painted grid).
 */
export async function measureColdLoads(browser: Browser, subjects: readonly ColdSubject[], samples: number, newPage: (browser: Browser) => Promise<Page>): Promise<number[][]> {
  const times = subjects.map((): number[] => []);
  for (let i = 0; i < samples; i++) {
    for (const [index, subject] of subjects.entries()) {
      const page = await newPage(browser);
      try {
        await subject.prepare?.(page);
        const url = await subject.url();
        await page.goto('about:blank');
        await sleep(SETTLE_MS);
        await page.goto(url);
        times[index]?.push((await page.evaluate(`window.__gridPainted(${subject.find})`)) as number);
      } finally {
        await page.context().close();
      }
    }
  }
  return times;
}
