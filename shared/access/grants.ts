import { z } from 'zod/mini';
import '../zod-english.ts';
import { OVERVIEW_SECTIONS, type OverviewSection } from '../model/budget-text-schema.ts';

/*
 * Edit rights inside one document. A document's owners grant projects (and 第一部分 sections) to
 * people; a person with a grant edits only what it names. The money cells belong to whoever holds
 * a grant with `money: true`, once anyone does. Written once for the server (which refuses any
 * update outside them, server/extensions/grant-extension.ts) and the client (which locks the rest).
 */

/** One person's edit rights on one document. */
export const GrantSchema = z.strictObject({
  projects: z.array(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))).check(z.maxLength(500)),
  money: z.boolean(),
  sections: z.array(z.enum(OVERVIEW_SECTIONS)).check(z.maxLength(OVERVIEW_SECTIONS.length)),
});
export type Grant = z.infer<typeof GrantSchema>;

/** Project keys in the Y.Doc that hold money: 预算数, 财政资金, 其他资金 and 资金支出计划. */
export const MONEY_KEYS: ReadonlySet<string> = new Set(['total', 'fiscal', 'other', 'planUnit', 'mar', 'jun', 'oct', 'dec']);

/**
 * What an edit touches: `structure` (title and other document fields, settings, adding,
 * deleting or moving projects), a narrative `section`, or a `project`'s content (`money` for the
 * money cells; `row` names the indicator row when it is one).
 */
export type EditTarget = { kind: 'structure' } | { kind: 'section'; section: OverviewSection } | { kind: 'project'; project: string; money: boolean };

/** The grants in force on a document: who holds which, and whether money cells are reserved. */
export interface GrantView {
  /** The writer's own grant, or undefined (edits everything their role allows, money aside). */
  mine: Grant | undefined;
  /** True once anyone holds a grant with `money: true`. */
  moneyReserved: boolean;
}

/** Whether the money cells are reserved, given every grant of a document. */
export function isMoneyReserved(grants: Iterable<Grant>): boolean {
  for (const g of grants) if (g.money) return true;
  return false;
}

/**
 * Whether a writer whose role may edit content may change `target`. Owners change everything;
 * anyone else without a grant everything but reserved money; with a grant, only its projects and
 * sections, money only with `money: true` (which covers every project's money cells).
 */
export function mayEdit(role: string, view: GrantView, target: EditTarget): boolean {
  if (role === 'owner') return true;
  const { mine, moneyReserved } = view;
  if (target.kind === 'project' && target.money && moneyReserved) return mine?.money === true;
  if (!mine) return true;
  if (target.kind === 'structure') return false;
  if (target.kind === 'section') return mine.sections.includes(target.section);
  return mine.projects.includes(target.project) || (target.money && mine.money);
}

/** Whether a writer's edits need checking at all (false: the role may change everything). */
export function isRestricted(role: string, view: GrantView): boolean {
  return role !== 'owner' && (view.mine !== undefined || view.moneyReserved);
}

/** A target as a short stable label for messages and logs: `project:p1:money`, `section:subGoals`, `structure`. */
export function describeTarget(target: EditTarget): string {
  if (target.kind === 'structure') return 'structure';
  if (target.kind === 'section') return `section:${target.section}`;
  return `project:${target.project}${target.money ? ':money' : ''}`;
}
