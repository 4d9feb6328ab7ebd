/** How far a request has come: uploading the body (`fraction` 0…1), or waiting for the answer. */
export type RequestProgress = { stage: 'uploading'; fraction: number } | { stage: 'waiting' };

/** What the server answered: the status (0 when it could not be reached) and the body parsed as JSON, or null. */
export interface RawResponse {
  status: number;
  body: unknown;
}

/**
 * Sends `body` with XMLHttpRequest, which (unlike fetch) reports upload progress: `onProgress`
 * hears `uploading` while the body goes out and `waiting` once it is all sent and the server
 * works on it (importing a large file takes a moment).
 */
export function sendWithProgress(
  url: string,
  init: { method: string; headers: Record<string, string>; body: string | Uint8Array<ArrayBuffer> },
  onProgress: (progress: RequestProgress) => void,
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, url);
    for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress({ stage: 'uploading', fraction: e.lengthComputable && e.total > 0 ? e.loaded / e.total : 0 });
    xhr.upload.onload = () => onProgress({ stage: 'waiting' });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the caller reports the status.
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.send(init.body);
  });
}
