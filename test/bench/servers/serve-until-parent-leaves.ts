/** The message a bench server child sends its parent once it accepts connections. */
export interface ListeningMessage {
  type: 'listening';
  /** TCP port on 127.0.0.1. */
  port: number;
}

/**
 * Announces `port` to the parent (over the fork IPC channel) and ties this child's life to the
 * parent: when the parent disconnects the channel (its way to say "stop") or dies, or a signal
 * arrives, `stop()` runs and the process exits. A stop that hangs is cut off after 25 s.
 */
export function serveUntilParentLeaves(port: number, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`bench server: stop took longer than 25 s after ${why}; exiting`);
      process.exit(1);
    }, 25_000).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('bench server: stop failed', error);
        process.exit(1);
      },
    );
  };
  process.on('disconnect', () => shutdown('parent disconnect'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (!process.send) {
    console.log(`listening on 127.0.0.1:${port} (no parent: stop with Ctrl+C)`);
    return;
  }
  const message: ListeningMessage = { type: 'listening', port };
  process.send(message);
}
