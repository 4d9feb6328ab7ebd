import type { Connection } from '@hocuspocus/server';
import type { CloseCode } from '../../shared/limits.ts';

/** What a hook throws to refuse a message: Hocuspocus closes the connection with this code. */
interface Refusal {
  code: number;
  reason: string;
  /** Who was refused and why, for the one log line. */
  detail: string;
}

/**
 * Closes the whole socket with a named close code and throws, so Hocuspocus drops the message
 * before applying it and empties the connection's queue. Hocuspocus logs whatever a hook throws;
 * the thrown value is a plain object that prints as one line (no stack), so an expected refusal
 * costs exactly one log line.
 */
export function refuseConnection(connection: Connection, close: CloseCode, detail: string): never {
  connection.webSocket.close(close.code, close.reason);
  const refusal: Refusal = { code: close.code, reason: close.reason, detail };
  const line = () => `refused (${close.code} ${close.reason}): ${detail}`;
  Object.defineProperty(refusal, Symbol.for('nodejs.util.inspect.custom'), { value: line });
  Object.defineProperty(refusal, 'toString', { value: line });
  throw refusal;
}
