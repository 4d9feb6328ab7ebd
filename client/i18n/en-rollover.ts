import type { RolloverMessages } from './zh-CN-rollover.ts';

/** English labels of next year's draft (see `zh-CN-rollover.ts`). */
export const enRollover: RolloverMessages = {
  rollover: {
    create: 'New draft for next year from this one',
    createTitle: 'Copy this text into a new draft for the next year: year + 1, project codes kept, last year\'s 指标值 shown on every row',
    creating: 'Creating…',
    failed: 'Could not create the draft: {{message}}',
    previousValue: 'Last year',
    previousValueLabel: 'Last year\'s value: {{value}}',
    previousBlank: '(blank)',
    previousDoc: 'Last year: {{title}}',
    compareWithPrevious: 'Compare with last year',
    side: 'Compare with',
    thisDoc: 'Versions of this text',
    previousText: 'Last year\'s text',
  },
};
