import { z } from 'zod/mini';
import '../zod-english.ts';

/** Longest text of one library field; a real 绩效指标描述 or 指标解释 is far shorter. */
const Field = z.string().check(z.maxLength(2_000));

/**
 * The texts of an indicator row as the library holds them; in a library entry `value` and `basis`
 * are the most frequent 指标值 and 指标值确定依据 of its rows (the curated ones when it is curated).
 */
const indicatorTexts = { level1: Field, level2: Field, name: Field, description: Field, value: Field, basis: Field };

/**
 * One entry of the indicator library (`GET /api/library`): an indicator row as documents use it,
 * deduplicated by (二级指标, 三级指标, 绩效指标描述), and/or a curated 共性指标. `name` is the 三级指标.
 */
export const LibraryItemSchema = z.strictObject({
  ...indicatorTexts,
  /** How many indicator rows within the caller's reach use it (0 for a curated entry nobody used yet). */
  uses: z.int().check(z.gte(0)),
  /** Whether an admin's curated 共性指标 list holds it. */
  curated: z.boolean(),
  /** 指标解释 / 计算公式 of a curated entry. */
  explanation: z.optional(Field),
});
export type LibraryItem = z.infer<typeof LibraryItemSchema>;

/** The answer of `GET /api/library`. */
export const LibraryAnswerSchema = z.strictObject({ items: z.array(LibraryItemSchema) });
export type LibraryAnswer = z.infer<typeof LibraryAnswerSchema>;

/** One curated 共性指标 as an admin imported it. */
export const CuratedIndicatorSchema = z.strictObject({ ...indicatorTexts, explanation: Field });
export type CuratedIndicator = z.infer<typeof CuratedIndicatorSchema>;

/** Most entries a curated list may hold; a province's 共性库 has a few hundred. */
export const MAX_CURATED = 20_000;
