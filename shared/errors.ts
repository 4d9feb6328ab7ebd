/**
 * The one error type of jixiao. Every failure a user can see carries a stable `code`
 * and a message in Chinese and English, so the UI, the API and the CLI say the same thing.
 */
export type ErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_DOCUMENT'
  | 'INVALID_REQUEST'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'IMPORT_FAILED'
  | 'UNSUPPORTED_LAYOUT'
  | 'STORAGE_FAILED'
  | 'MIGRATION_FAILED'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS';

/** A user-facing error: `zh` and `en` say the same thing; `details` is machine-readable extra context. */
export interface JixiaoErrorInit {
  code: ErrorCode;
  zh: string;
  en: string;
  details?: unknown;
}

/** Thrown (or returned inside a {@link Result}) wherever untrusted input or storage fails. */
export class JixiaoError extends Error {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly en: string;
  readonly details: unknown;

  constructor(init: JixiaoErrorInit) {
    super(`${init.zh} / ${init.en}`);
    this.name = 'JixiaoError';
    this.code = init.code;
    this.zh = init.zh;
    this.en = init.en;
    this.details = init.details;
  }

  /** The JSON body the API sends for this error. */
  toJSON(): { error: { code: ErrorCode; zh: string; en: string; details?: unknown } } {
    return { error: { code: this.code, zh: this.zh, en: this.en, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

/** Outcome of a parser or importer: never throws for bad input. */
export type Result<T, E = JixiaoError> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an error as a failed {@link Result}. */
export function fail<E = JixiaoError>(error: E): Result<never, E> {
  return { ok: false, error };
}
