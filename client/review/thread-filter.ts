import type { Thread } from '../../shared/review/review-types.ts';

/** The filters of the comments panel: 未解决, 已解决, 我的 (started or joined), 提到我的. */
export const THREAD_FILTERS = ['open', 'resolved', 'mine', 'mentions'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

/** The threads `filter` shows to the user `me` (a sub), in the given order. */
export function filterThreads<T extends Thread>(threads: readonly T[], filter: ThreadFilter, me: string): T[] {
  switch (filter) {
    case 'open': return threads.filter((t) => t.status === 'open');
    case 'resolved': return threads.filter((t) => t.status === 'resolved');
    case 'mine': return threads.filter((t) => t.author.sub === me || t.comments.some((c) => c.author.sub === me && !c.deleted));
    case 'mentions': return threads.filter((t) => t.comments.some((c) => c.mentions.includes(me)));
  }
}
