import type * as Rules from '../../shared/rules/index.ts';

/**
 * The validation rules (`shared/rules`), loaded at their first use (Node keeps the module once
 * loaded): some 80 modules and ~16 MiB of memory that a server only relaying edits never needs
 * (the rules run when someone lists documents, asks for findings, submits, or a version is saved),
 * so it starts without them.
 */
export function loadRules(): Promise<typeof Rules> {
  // Kept after the first call: each import() resolves the specifier again, even of a loaded module.
  return (loading ??= import('../../shared/rules/index.ts'));
}
let loading: Promise<typeof Rules> | undefined;
