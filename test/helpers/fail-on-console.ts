import { afterEach, beforeEach } from 'vitest';

// Stray console output hides real failures; any call fails the test that made it, unless the
// test declared it expected with allowConsole (e.g. the server logging a hostile client).
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];
let allowed: RegExp[] = [];
const optional = new Set<RegExp>();
const originals = new Map<string, (...args: unknown[]) => void>();

/**
 * Lets the current test print lines matching `pattern`, and checks at least one was printed
 * unless `required` is false (output that depends on timing the test does not control).
 */
export function allowConsole(pattern: RegExp, required = true): void {
  allowed.push(pattern);
  if (!required) optional.add(pattern);
}

/** What the current test printed so far, one entry per console call. */
export function consoleLines(): readonly string[] {
  return calls;
}

beforeEach(() => {
  calls = [];
  allowed = [];
  for (const m of methods) {
    originals.set(m, console[m]);
    console[m] = (...args: unknown[]) => {
      calls.push(`console.${m}: ${args.map(String).join(' ')}`);
    };
  }
});

afterEach(() => {
  for (const m of methods) console[m] = originals.get(m) as (typeof console)[typeof m];
  const unexpected = calls.filter((c) => !allowed.some((p) => p.test(c)));
  const missing = allowed.filter((p) => !optional.has(p) && !calls.some((c) => p.test(c)));
  optional.clear();
  if (unexpected.length) throw new Error(`unexpected console output:\n${unexpected.join('\n')}`);
  if (missing.length) throw new Error(`expected console output did not appear: ${missing.join(', ')}`);
});
