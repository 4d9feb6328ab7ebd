import { readToken } from '../auth/token-store.ts';

/** A document export the server writes: `.docx` or `.xlsx`. */
export type ExportFormat = 'docx' | 'xlsx';

/** The file name a Content-Disposition header gives (its UTF-8 `filename*` first), or `fallback`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8?.[1] !== undefined) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      return fallback;
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads the export of document `docId` (a saved version when `version` is a version id, the live
 * document when it is empty or `current`) under the name the server gives. The request carries the token,
 * so a plain link cannot do it: the bytes are fetched and saved through an object URL. Rejects with the
 * server's message when the export fails.
 */
export async function downloadExport(docId: string, version: string, format: ExportFormat): Promise<void> {
  const id = encodeURIComponent(docId);
  const path = version === '' || version === 'current' ? `/api/docs/${id}/export` : `/api/docs/${id}/versions/${encodeURIComponent(version)}/export`;
  const token = readToken();
  const response = await fetch(`${path}?format=${format}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { zh?: string; en?: string } } | null;
    throw new Error(body?.error?.zh ?? `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), `jixiao.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the URL to the download by now; a later revoke frees the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
