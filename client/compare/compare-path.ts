/** The address of the comparison of `from` with `to` (a version id or `current`) of document `docId`. */
export function comparePath(docId: string, from: string, to: string): string {
  return `/docs/${encodeURIComponent(docId)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}
