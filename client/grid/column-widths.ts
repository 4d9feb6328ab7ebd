import { INDICATOR_FIELDS, type IndicatorField } from '../../shared/model/index.ts';

/** Widths the person chose, in CSS pixels, by indicator column; a missing column keeps its default. */
export type ColumnWidths = Partial<Record<IndicatorField, number>>;

/** Narrowest and widest a dragged column may become, in CSS pixels. */
export const COLUMN_WIDTH_LIMITS = { min: 48, max: 900 } as const;

/** One keyboard step of a column border, in CSS pixels (Shift: four steps). */
export const COLUMN_WIDTH_STEP = 16;

// Drag handle and row number first, then the six indicator columns, in table order.
const LEAD_TRACKS = '1.1rem 2.2rem';
const DEFAULT_TRACKS: Readonly<Record<IndicatorField, string>> = {
  level1: 'minmax(4.5rem, 7rem)',
  level2: 'minmax(4.5rem, 7rem)',
  name: 'minmax(6rem, 10rem)',
  description: 'minmax(7rem, 2fr)',
  value: 'minmax(5rem, 8rem)',
  basis: 'minmax(6rem, 1.5fr)',
};

/** `width` clamped to {@link COLUMN_WIDTH_LIMITS} and rounded to whole pixels. */
export function clampColumnWidth(width: number): number {
  return Math.round(Math.min(COLUMN_WIDTH_LIMITS.max, Math.max(COLUMN_WIDTH_LIMITS.min, width)));
}

/** The grid's `grid-template-columns`: chosen widths in pixels, the default track elsewhere. */
export function columnTemplate(widths: ColumnWidths): string {
  return [LEAD_TRACKS, ...INDICATOR_FIELDS.map((f) => (widths[f] === undefined ? DEFAULT_TRACKS[f] : `${widths[f]}px`))].join(' ');
}

/** Reads stored widths, keeping only known columns with widths in range; anything else reads as none. */
export function parseColumnWidths(stored: string | null): ColumnWidths {
  if (!stored) return {};
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const widths: ColumnWidths = {};
  for (const f of INDICATOR_FIELDS) {
    const w = (value as Record<string, unknown>)[f];
    if (typeof w === 'number' && Number.isFinite(w)) widths[f] = clampColumnWidth(w);
  }
  return widths;
}
