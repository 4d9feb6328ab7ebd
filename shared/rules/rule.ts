import type { BudgetText } from '../model/budget-text-schema.ts';
import type { FindingFix, FindingPlace, RuleScope, Severity } from './finding.ts';
import type { ProjectView } from './project-view.ts';
import type { ValidationContext } from './validation-context.ts';
import type { ValidationSettings } from './validation-settings.ts';

/** A text in both languages. */
export interface LocalText {
  zh: string;
  en: string;
}

/** A message template of the catalogue; `{name}` placeholders are filled from {@link Report.params}. */
export type RuleMessage = LocalText;

/** A second message of the same rule with its own fixed severity (e.g. the info half of R-PRJ-USAGE). */
export interface RuleVariant extends LocalText {
  severity: Severity;
}

/** Placeholder values; a {@link LocalText} fills the zh and en template with different words. */
export type MessageParams = Readonly<Record<string, string | number | LocalText>>;

/** What a rule reports; the engine adds id, severity and scope and fills the message. */
export interface Report {
  place: FindingPlace;
  params?: MessageParams;
  /** An alternative wording with the rule's own severity (when one rule covers two situations). */
  message?: RuleMessage;
  variant?: RuleVariant;
  fix?: FindingFix;
}

/** Receives the reports of one rule. */
export type Reporter = (report: Report) => void;

/**
 * One rule of the catalogue (CATALOGUE.md). A rule implements `checkProject` (runs per project and
 * is cached by the incremental validator), `checkDocument` (runs on every validation; may report
 * project places, for cross-project rules), or both.
 */
export interface Rule {
  /** Catalogue id, e.g. `R-FUND-SUM`. */
  id: string;
  /** Default severity of the main message. */
  severity: Severity;
  scope: RuleScope;
  message: RuleMessage;
  /** Default severity when it depends on the settings (R-IND-COST is an error under mof-2021-4). */
  severityFor?(settings: ValidationSettings): Severity;
  checkProject?(view: ProjectView, ctx: ValidationContext, report: Reporter): void;
  checkDocument?(doc: BudgetText, views: readonly ProjectView[], ctx: ValidationContext, report: Reporter): void;
}
