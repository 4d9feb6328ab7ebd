/**
 * A failed API call: `status` is the HTTP status (0 when the server could not be reached);
 * `zh`/`en` the server's message for the user; `details` what else the error body carried (the
 * findings that block a submit, the issues of an invalid document …), untrusted: parse before use.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly details: unknown;

  constructor(status: number, code: string, zh: string, en: string, details?: unknown) {
    super(`${code}: ${en}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.details = details;
  }
}
