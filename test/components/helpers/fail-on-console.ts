/// <reference types="mocha" />

// Stray console output hides real failures, as in the vitest suites: any call fails the test.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];
const originals = new Map<(typeof methods)[number], (...args: unknown[]) => void>();

beforeEach(() => {
  calls = [];
  for (const m of methods) {
    originals.set(m, console[m]);
    console[m] = (...args: unknown[]) => void calls.push(`console.${m}: ${args.map(String).join(' ')}`);
  }
});

afterEach(() => {
  for (const m of methods) console[m] = originals.get(m) ?? console[m];
  if (calls.length) throw new Error(`unexpected console output:\n${calls.join('\n')}`);
});
