import { INDICATOR_FIELDS, readString, type IndicatorField, type IndicatorMap } from '../../shared/model/index.ts';
import type { Peer } from '../collab/peer.ts';
import { t } from '../i18n/i18n.ts';

/**
 * Whether the cell of `field` in row `row` continues a run of equal 一级指标 (or, under the same
 * 一级指标, 二级指标) values from the row above: the official table merges such a run into one
 * cell, so the grid draws the value once, at the top of the run. The cell keeps its text for
 * the keyboard, copying and screen readers.
 */
export function continuesRun(rows: readonly { map: IndicatorMap }[], row: number, field: IndicatorField): boolean {
  if (row === 0 || (field !== 'level1' && field !== 'level2')) return false;
  const here = rows[row]?.map;
  const above = rows[row - 1]?.map;
  if (!here || !above) return false;
  const value = readString(here, field);
  if (value === '' || value !== readString(above, field)) return false;
  return field === 'level1' || readString(here, 'level1') === readString(above, 'level1');
}

/**
 * Where colleagues are in this grid, for a live region: "李四 在第 3 行「指标值」". Their name tags
 * in the cells are hidden from screen readers, so a cell's accessible name stays its value.
 */
export function presenceText(peers: readonly Peer[], projectId: string, rowIndex: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (const peer of peers) {
    const c = peer.cursor;
    if (!c || !('project' in c) || c.project !== projectId || c.indicator === undefined) continue;
    const row = rowIndex.get(c.indicator);
    if (row === undefined || !(INDICATOR_FIELDS as readonly string[]).includes(c.field)) continue;
    parts.push(t('sheet.presence', { name: peer.name, row: row + 1, field: t(`grid.${c.field as IndicatorField}`) }));
  }
  return parts.join('；');
}
