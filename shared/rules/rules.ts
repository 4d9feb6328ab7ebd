import { rDocSections } from './catalogue/r-doc-sections.ts';
import { rDocSectionDup } from './catalogue/r-doc-section-dup.ts';
import { rDocPlaceholder } from './catalogue/r-doc-placeholder.ts';
import { rDocYear } from './catalogue/r-doc-year.ts';
import { rDocUnit } from './catalogue/r-doc-unit.ts';
import { rDocPart1Consistency } from './catalogue/r-doc-part1-consistency.ts';
import { rDocEvalWording } from './catalogue/r-doc-eval-wording.ts';
import { rPrjCodeFormat } from './catalogue/r-prj-code-format.ts';
import { rPrjCodeRegion } from './catalogue/r-prj-code-region.ts';
import { rPrjCodeYear } from './catalogue/r-prj-code-year.ts';
import { rPrjCodeUnique } from './catalogue/r-prj-code-unique.ts';
import { rPrjName } from './catalogue/r-prj-name.ts';
import { rPrjNameDup } from './catalogue/r-prj-name-dup.ts';
import { rFundFormat } from './catalogue/r-fund-format.ts';
import { rFundSum } from './catalogue/r-fund-sum.ts';
import { rFundOtherBlank } from './catalogue/r-fund-other-blank.ts';
import { rFundPositive } from './catalogue/r-fund-positive.ts';
import { rPrjUsage } from './catalogue/r-prj-usage.ts';
import { rPrjGoalRequired } from './catalogue/r-prj-goal-required.ts';
import { rPrjGoalPlaceholder } from './catalogue/r-prj-goal-placeholder.ts';
import { rPrjGoalTrivial } from './catalogue/r-prj-goal-trivial.ts';
import { rTxtMarkup } from './catalogue/r-txt-markup.ts';
import { rPlanCheckpoints } from './catalogue/r-plan-checkpoints.ts';
import { rPlanBlank } from './catalogue/r-plan-blank.ts';
import { rPlanUnit } from './catalogue/r-plan-unit.ts';
import { rPlanMonotonic } from './catalogue/r-plan-monotonic.ts';
import { rPlanFinal } from './catalogue/r-plan-final.ts';
import { rPlanRange } from './catalogue/r-plan-range.ts';
import { rPlanAmbiguous } from './catalogue/r-plan-ambiguous.ts';
import { rIndNone } from './catalogue/r-ind-none.ts';
import { rIndYijiRequired } from './catalogue/r-ind-yiji-required.ts';
import { rIndOutQty } from './catalogue/r-ind-out-qty.ts';
import { rIndOutQual } from './catalogue/r-ind-out-qual.ts';
import { rIndOutTime } from './catalogue/r-ind-out-time.ts';
import { rIndCost } from './catalogue/r-ind-cost.ts';
import { rIndBenefit } from './catalogue/r-ind-benefit.ts';
import { rRowDup } from './catalogue/r-row-dup.ts';
import { rXprojCopy } from './catalogue/r-xproj-copy.ts';
import { rRowOrder } from './catalogue/r-row-order.ts';
import { rRowYijiEnum } from './catalogue/r-row-yiji-enum.ts';
import { rRowErjiEnum } from './catalogue/r-row-erji-enum.ts';
import { rRowErjiSchema } from './catalogue/r-row-erji-schema.ts';
import { rRowSanjiRequired } from './catalogue/r-row-sanji-required.ts';
import { rRowSanjiIsCategory } from './catalogue/r-row-sanji-is-category.ts';
import { rRowDescRequired } from './catalogue/r-row-desc-required.ts';
import { rRowValueRequired } from './catalogue/r-row-value-required.ts';
import { rRowValueEcho } from './catalogue/r-row-value-echo.ts';
import { rRowBasisRequired } from './catalogue/r-row-basis-required.ts';
import { rRowBasisEcho } from './catalogue/r-row-basis-echo.ts';
import { rRowBasisQuestion } from './catalogue/r-row-basis-question.ts';
import { rRowBasisWeak } from './catalogue/r-row-basis-weak.ts';
import { rTxtPlaceholder } from './catalogue/r-txt-placeholder.ts';
import { rTxtTypo } from './catalogue/r-txt-typo.ts';
import { rRowNotApplicable } from './catalogue/r-row-not-applicable.ts';
import { rRowMulti } from './catalogue/r-row-multi.ts';
import { rRowErjiSemantic } from './catalogue/r-row-erji-semantic.ts';
import { rValFormat } from './catalogue/r-val-format.ts';
import { rValUnitMissing } from './catalogue/r-val-unit-missing.ts';
import { rValUnitRedundant } from './catalogue/r-val-unit-redundant.ts';
import { rValUnitMismatch } from './catalogue/r-val-unit-mismatch.ts';
import { rValOpMissing } from './catalogue/r-val-op-missing.ts';
import { rValPctRange } from './catalogue/r-val-pct-range.ts';
import { rValDirectionQty } from './catalogue/r-val-direction-qty.ts';
import { rValDirectionCost } from './catalogue/r-val-direction-cost.ts';
import { rValDirectionBenefit } from './catalogue/r-val-direction-benefit.ts';
import { rValDirectionLeadtime } from './catalogue/r-val-direction-leadtime.ts';
import { rValQualVague } from './catalogue/r-val-qual-vague.ts';
import { rCostMoney } from './catalogue/r-cost-money.ts';
import { rCostLeBudget } from './catalogue/r-cost-le-budget.ts';
import { rCostBudgetNear } from './catalogue/r-cost-budget-near.ts';
import { rOutInput } from './catalogue/r-out-input.ts';
import { rSatFormat } from './catalogue/r-sat-format.ts';
import { rSatOp } from './catalogue/r-sat-op.ts';
import { rSatThreshold } from './catalogue/r-sat-threshold.ts';
import { rTimeFormat } from './catalogue/r-time-format.ts';
import { rTimeYear } from './catalogue/r-time-year.ts';
import type { Rule } from './rule.ts';

/**
 * The catalogue as implemented, in catalogue order (also the order of findings on the same row);
 * CATALOGUE.md is generated from it and from the modules' doc comments (`npm run rules:doc`). Not implemented: R-DOC-TOC (the JSON has no TOC) and R-REL-MANUAL (needs semantics);
 * see README.md.
 */
export const RULES: readonly Rule[] = Object.freeze([
  rDocSections,
  rDocSectionDup,
  rDocPlaceholder,
  rDocYear,
  rDocUnit,
  rDocPart1Consistency,
  rDocEvalWording,
  rPrjCodeFormat,
  rPrjCodeRegion,
  rPrjCodeYear,
  rPrjCodeUnique,
  rPrjName,
  rPrjNameDup,
  rFundFormat,
  rFundSum,
  rFundOtherBlank,
  rFundPositive,
  rPrjUsage,
  rPrjGoalRequired,
  rPrjGoalPlaceholder,
  rPrjGoalTrivial,
  rTxtMarkup,
  rPlanCheckpoints,
  rPlanBlank,
  rPlanUnit,
  rPlanMonotonic,
  rPlanFinal,
  rPlanRange,
  rPlanAmbiguous,
  rIndNone,
  rIndYijiRequired,
  rIndOutQty,
  rIndOutQual,
  rIndOutTime,
  rIndCost,
  rIndBenefit,
  rRowDup,
  rXprojCopy,
  rRowOrder,
  rRowYijiEnum,
  rRowErjiEnum,
  rRowErjiSchema,
  rRowSanjiRequired,
  rRowSanjiIsCategory,
  rRowDescRequired,
  rRowValueRequired,
  rRowValueEcho,
  rRowBasisRequired,
  rRowBasisEcho,
  rRowBasisQuestion,
  rRowBasisWeak,
  rTxtPlaceholder,
  rTxtTypo,
  rRowNotApplicable,
  rRowMulti,
  rRowErjiSemantic,
  rValFormat,
  rValUnitMissing,
  rValUnitRedundant,
  rValUnitMismatch,
  rValOpMissing,
  rValPctRange,
  rValDirectionQty,
  rValDirectionCost,
  rValDirectionBenefit,
  rValDirectionLeadtime,
  rValQualVague,
  rCostMoney,
  rCostLeBudget,
  rCostBudgetNear,
  rOutInput,
  rSatFormat,
  rSatOp,
  rSatThreshold,
  rTimeFormat,
  rTimeYear,
]);
