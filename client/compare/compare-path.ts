/**
 * The address of the comparison of `from` with `to` (a version id or `current`) of document
 * `docId`; with `against`, `from` names a version (or `current`) of that other document
 * (last year's text).
 */
export function comparePath(docId: string, from: string, to: string, against?: string): string {
  const other = against ? `against=${encodeURIComponent(against)}&` : '';
  return `/docs/${encodeURIComponent(docId)}/compare?${other}from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}
