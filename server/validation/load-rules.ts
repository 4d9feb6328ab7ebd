import type * as Rules from '../../shared/rules/index.ts';

let loading: Promise<typeof Rules> | null = null;

/**
 * The validation rules (`shared/rules`), loaded at their first use and kept: some 80 modules and
 * ~16 MiB of memory that a server only relaying edits never needs (the rules run when someone
 * lists documents, asks for findings, submits, or a version is saved), so it starts without them.
 */
export function loadRules(): Promise<typeof Rules> {
  loading ??= import('../../shared/rules/index.ts');
  return loading;
}
