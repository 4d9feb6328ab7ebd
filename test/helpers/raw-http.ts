import { connect } from 'node:net';

/**
 * Sends `request` byte for byte over TCP (no client library normalises the target) and resolves
 * with the status code of the answer, or 0 when the server closed without answering. Send
 * `Connection: close` so the server ends the socket after its answer.
 */
export function rawHttp(port: number, request: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });
}
