import type { Peer } from '../collab/peer.ts';
import { edgesAt, rangeBounds } from './grid-selection.ts';

/** How one colleague marks one cell: the edges of their range outline it passes, and whether it is their active cell. */
export interface PeerCellMark {
  peer: Peer;
  edges: { top: boolean; right: boolean; bottom: boolean; left: boolean };
  active: boolean;
}

/**
 * Colleagues' active cells and selected ranges in one project's grid, by `row:col` key. Rows are
 * found by id (`rowIndex`), so a range follows its rows when someone moves them; a range whose
 * rows are gone is dropped.
 */
export function peerCellMarks(peers: readonly Peer[], projectId: string, rowIndex: ReadonlyMap<string, number>, fields: readonly string[]): Map<string, PeerCellMark[]> {
  const out = new Map<string, PeerCellMark[]>();
  for (const peer of peers) {
    const c = peer.cursor;
    if (!c || !('project' in c) || c.project !== projectId || c.indicator === undefined) continue;
    const row = rowIndex.get(c.indicator);
    const col = fields.indexOf(c.field);
    if (row === undefined || col < 0) continue;
    const anchorRow = c.range ? rowIndex.get(c.range.indicator) : row;
    const anchorCol = c.range ? fields.indexOf(c.range.field) : col;
    const active = { row, col };
    const anchor = anchorRow === undefined || anchorCol < 0 ? active : { row: anchorRow, col: anchorCol };
    const bounds = rangeBounds({ anchor, active });
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      for (let k = bounds.left; k <= bounds.right; k++) {
        const edges = edgesAt(bounds, { row: r, col: k });
        if (!edges) continue;
        const key = `${r}:${k}`;
        const list = out.get(key) ?? [];
        list.push({ peer, edges, active: r === row && k === col });
        out.set(key, list);
      }
    }
  }
  return out;
}

/** The inset box-shadow that draws the marks' outline edges (2px) in each colleague's colour. */
export function outlineShadow(marks: readonly PeerCellMark[]): string {
  const parts: string[] = [];
  for (const { peer, edges } of marks) {
    if (edges.top) parts.push(`inset 0 2px 0 0 ${peer.color}`);
    if (edges.bottom) parts.push(`inset 0 -2px 0 0 ${peer.color}`);
    if (edges.left) parts.push(`inset 2px 0 0 0 ${peer.color}`);
    if (edges.right) parts.push(`inset -2px 0 0 0 ${peer.color}`);
  }
  return parts.join(', ');
}
