import type * as Y from 'yjs';
import { indicatorsOf, projectsMap, setIndicatorField, type IndicatorMap } from '../../shared/model/index.ts';
import type { BenchClient } from './bench-clients.ts';
import { waitUntil } from './timing.ts';

/** The cell every edit writes: 指标值 of 接待批次 in the small budget text. */
const PROJECT_ID = 'p-reception';
const INDICATOR_ID = 'r-qty';
const VALUE_PREFIX = 'bench#';

/** The indicator row the probe edits, or undefined while the client has not received it yet. */
export function findProbeRow(doc: Y.Doc): IndicatorMap | undefined {
  const project = projectsMap(doc).get(PROJECT_ID);
  return project && indicatorsOf(project).get(INDICATOR_ID);
}

/**
 * Times how long an edit of one cell takes to reach every other client. Edit number `seq` writes
 * `bench#<seq>` into the cell; each client's row observer notes when it first sees a sequence
 * number. Seeing `seq` counts as having received every earlier one too: a server may merge
 * several updates into one broadcast, and then only the newest value is visible. All clients live
 * in this process, so sending and arrival times come from one clock (`performance.now()`, ms).
 */
export class FanoutProbe {
  private readonly clients: readonly BenchClient[];
  private readonly capacity: number;
  private readonly sentAt: Float64Array;
  private readonly senderOf: Int32Array;
  /** arrivals[client * capacity + seq] = when that client first had `seq`. */
  private readonly arrivals: Float64Array;
  private readonly highest: Int32Array;
  private readonly remoteUpdates: Int32Array;
  private readonly detach: Array<() => void> = [];
  private lastSeq = 0;

  /** Observes every client's probe row; `capacity` bounds the number of edits. */
  constructor(clients: readonly BenchClient[], capacity: number) {
    this.clients = clients;
    this.capacity = capacity + 1;
    this.sentAt = new Float64Array(this.capacity);
    this.senderOf = new Int32Array(this.capacity).fill(-1);
    this.arrivals = new Float64Array(clients.length * this.capacity);
    this.highest = new Int32Array(clients.length);
    this.remoteUpdates = new Int32Array(clients.length);
    clients.forEach((client, index) => {
      // One remote 'update' event per applied server message that changed the document, so this
      // counts how many messages a receiver had to process (fewer when the server merges).
      const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
        if (!tr.local) this.remoteUpdates[index] = (this.remoteUpdates[index] ?? 0) + 1;
      };
      client.doc.on('update', onUpdate);
      this.detach.push(() => client.doc.off('update', onUpdate));
      const row = findProbeRow(client.doc);
      if (!row) throw new Error(`client ${index} has no row ${PROJECT_ID}/${INDICATOR_ID}`);
      const onChange = (event: Y.YMapEvent<unknown>) => {
        const now = performance.now();
        if (!event.keysChanged.has('value')) return;
        const value = row.get('value');
        if (typeof value === 'string' && value.startsWith(VALUE_PREFIX)) this.arrive(index, Number(value.slice(VALUE_PREFIX.length)), now);
      };
      row.observe(onChange);
      this.detach.push(() => row.unobserve(onChange));
    });
  }

  /** Sequence number of the newest edit so far (0 before the first). */
  get newest(): number {
    return this.lastSeq;
  }

  /** Client `sender` writes the next sequence number into the cell; returns that number. */
  edit(sender: number): number {
    const seq = ++this.lastSeq;
    if (seq >= this.capacity) throw new Error(`FanoutProbe capacity ${this.capacity - 1} exceeded`);
    const client = this.clients[sender];
    if (!client) throw new Error(`no client ${sender}`);
    this.senderOf[seq] = sender;
    this.sentAt[seq] = performance.now();
    if (!setIndicatorField(client.doc, PROJECT_ID, INDICATOR_ID, 'value', `${VALUE_PREFIX}${seq}`)) {
      throw new Error(`client ${sender} lost row ${INDICATOR_ID}`);
    }
    return seq;
  }

  /** Resolves once every client has `seq`; rejects after `timeoutMs` saying who lags and how. */
  async waitForAll(seq: number, timeoutMs: number, what: string): Promise<void> {
    await waitUntil(() => this.highest.every((h) => h >= seq), timeoutMs, () => this.describeLag(seq, what));
  }

  private describeLag(seq: number, what: string): string {
    const lagging = [...this.highest.entries()].filter(([, h]) => h < seq);
    const seen = lagging.map(([, h]) => h);
    const sender = this.senderOf[seq] ?? -1;
    const firstLagging = lagging[0]?.[0] ?? -1;
    return (
      `${what}: ${lagging.length} of ${this.clients.length} clients lack edit ${seq} ` +
      `(they have edits up to ${Math.min(...seen)}…${Math.max(...seen)}); ` +
      `sender client ${sender}: ${this.clients[sender]?.describe() ?? '?'}; ` +
      `client ${firstLagging}: ${this.clients[firstLagging]?.describe() ?? '?'}`
    );
  }

  /** Every receiver's latency (ms) for edits `from`..`to` inclusive; the sender is left out. */
  latencies(from: number, to: number): number[] {
    const out: number[] = [];
    for (let seq = from; seq <= to; seq++) {
      for (let c = 0; c < this.clients.length; c++) {
        if (c !== this.senderOf[seq]) out.push(this.arrival(c, seq) - (this.sentAt[seq] ?? NaN));
      }
    }
    return out;
  }

  /** When the last receiver got edit `seq` (performance.now() ms). */
  lastArrival(seq: number): number {
    let last = -Infinity;
    for (let c = 0; c < this.clients.length; c++) if (c !== this.senderOf[seq]) last = Math.max(last, this.arrival(c, seq));
    return last;
  }

  /** Document updates each client has applied from the server so far (index = client). */
  remoteUpdateCounts(): Int32Array {
    return this.remoteUpdates.slice();
  }

  /** Stops observing the clients' documents. */
  dispose(): void {
    for (const detach of this.detach.splice(0)) detach();
  }

  private arrival(client: number, seq: number): number {
    return this.arrivals[client * this.capacity + seq] ?? NaN;
  }

  private arrive(client: number, seq: number, now: number): void {
    const seen = this.highest[client] ?? 0;
    if (!(seq > seen && seq < this.capacity)) return;
    for (let s = seen + 1; s <= seq; s++) this.arrivals[client * this.capacity + s] = now;
    this.highest[client] = seq;
  }
}
