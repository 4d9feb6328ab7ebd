// The intermediate form every layout parser produces: one 绩效目标表 as text cells with their source
// lines, before numbers are parsed, text is normalised and ids are assigned (build-project.ts does that).

/** One physical line of the source; `line` is 1-based. */
export interface SourceLine {
  text: string;
  line: number;
}

/** The text of one cell (possibly joined from several source lines) and the line it starts on. */
export interface RawCell {
  text: string;
  line: number;
}

/** A cell of the 资金支出计划 header or value row; `col` is its column (or token) position in that row. */
interface PlanCell extends RawCell {
  col: number;
}

/**
 * The 资金支出计划 rows as found: checkpoint headers and values, each with its column. `amountLabel` is
 * true when the plan's label names its unit as 万元 (`资金支出计划（万元）`), which settles an ambiguous unit.
 */
export interface RawPlan {
  line: number;
  headers: PlanCell[];
  values: PlanCell[];
  amountLabel?: boolean;
}

/**
 * Something the parser had to guess at or could not place, addressed before ids exist:
 * `indicator` is an index into `RawProject.indicators`.
 */
export interface RawNote {
  indicator?: number;
  field?: string;
  line: number;
  /** Last source line an unplaced-text note covers (see `noteUnplaced`). */
  until?: number;
  zh: string;
  en: string;
  raw?: string;
}

/** One indicator row; `cells` are the six columns 一级 二级 三级 描述 指标值 依据, `level1` may be blank (merged cell). */
export interface RawIndicator {
  line: number;
  cells: [RawCell, RawCell, RawCell, RawCell, RawCell, RawCell];
}

/** One 绩效目标表 as text. Missing cells are null; `unit` is the `<6-digit code><unit name>` line above the table. */
export interface RawProject {
  line: number;
  title: string;
  unit: { code: string; name: string; line: number } | null;
  code: RawCell | null;
  name: RawCell | null;
  total: RawCell | null;
  fiscal: RawCell | null;
  other: RawCell | null;
  purpose: RawCell | null;
  goal: RawCell | null;
  plan: RawPlan | null;
  indicators: RawIndicator[];
  notes: RawNote[];
}

/** A project with every field empty, for parsers to fill in. */
export function emptyRawProject(line: number, title: string): RawProject {
  return {
    line, title, unit: null, code: null, name: null, total: null, fiscal: null, other: null,
    purpose: null, goal: null, plan: null, indicators: [], notes: [],
  };
}

/** A cell for a blank column, placed on `line`. */
export function blankCell(line: number): RawCell {
  return { text: '', line };
}

/** One table row as a grid layout (TSV, markdown, cell-lines) gives it: cells in column order. */
export interface GridRow {
  line: number;
  cells: RawCell[];
}

// A run of unplaceable lines is one note, so a garbage file cannot produce a note per line.
const MAX_NOTE_RAW = 2_000;

/**
 * Notes text the parser could not place, on `line`. When the previous note has the same message and
 * ended on `after` (the line of the item the parser handled just before), that note is extended instead,
 * so a run of junk is one note; `raw` is capped at 2,000 characters.
 */
export function noteUnplaced(project: RawProject, at: { line: number; after: number }, zh: string, en: string, raw?: string): void {
  const last = project.notes[project.notes.length - 1];
  if (last !== undefined && last.zh === zh && last.until === at.after) {
    last.until = at.line;
    if (raw !== undefined) last.raw = `${last.raw ?? ''}\n${raw}`.slice(0, MAX_NOTE_RAW);
    return;
  }
  project.notes.push({ line: at.line, until: at.line, zh, en, ...(raw === undefined ? {} : { raw: raw.slice(0, MAX_NOTE_RAW) }) });
}
