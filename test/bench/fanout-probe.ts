import type * as Y from 'yjs';
import { indicatorsOf, projectsMap, setIndicatorField, type BudgetText, type IndicatorMap } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import type { BenchClient } from './bench-clients.ts';
import { waitUntil } from './timing.ts';

/** The project that gets one extra indicator row per client (row `bench-<i>` belongs to client i). */
const PROJECT_ID = 'p-reception';
const VALUE_PREFIX = 'bench#';
const rowId = (client: number) => `bench-${client}`;

/** The small budget text plus one indicator row per client, whose 指标值 that client edits. */
export function makeProbeBudgetText(clients: number): BudgetText {
  const text = makeSmallBudgetText();
  const project = text.projects.find((p) => p.id === PROJECT_ID);
  if (!project) throw new Error(`fixture lacks project ${PROJECT_ID}`);
  for (let i = 0; i < clients; i++) {
    project.indicators.push({ id: rowId(i), level1: '产出指标', level2: '数量指标', name: `基准指标${i}`, description: '', value: '', basis: '' });
  }
  return text;
}

/** The rows of clients 0..clients-1 in `doc`, or undefined while the client lacks any of them. */
export function findProbeRows(doc: Y.Doc, clients: number): IndicatorMap[] | undefined {
  const project = projectsMap(doc).get(PROJECT_ID);
  if (!project) return undefined;
  const rows: IndicatorMap[] = [];
  for (let i = 0; i < clients; i++) {
    const row = indicatorsOf(project).get(rowId(i));
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}

/**
 * Times how long an edit takes to reach every other client. Client i only edits its own row
 * (edit number `seq` writes `bench#<seq>` into its 指标值), so edits never conflict, as when
 * colleagues fill in different cells. A deep observer in each client notes when it first sees a
 * number. Seeing `seq` in a row counts as having received the same sender's earlier edits too: a
 * server may merge several updates into one broadcast, which then shows only the newest value.
 * All clients live in this process, so sending and arrival share one clock (`performance.now()`).
 */
export class FanoutProbe {
  private readonly clients: readonly BenchClient[];
  private readonly capacity: number;
  private readonly sentAt: Float64Array;
  private readonly senderOf: Int32Array;
  /** arrivals[client * capacity + seq] = when that client first had `seq`; 0 = not yet. */
  private readonly arrivals: Float64Array;
  /** Sequence numbers each client sent, ascending. */
  private readonly sentBy: number[][];
  /** seenIndex[receiver * clients + sender] = index into sentBy[sender] of the newest edit seen. */
  private readonly seenIndex: Int32Array;
  private readonly remoteUpdates: Int32Array;
  private readonly detach: Array<() => void> = [];
  private lastSeq = 0;
  private missing = 0;

  /** Observes every client's probe rows; `capacity` bounds the number of edits. */
  constructor(clients: readonly BenchClient[], capacity: number) {
    const n = clients.length;
    this.clients = clients;
    this.capacity = capacity + 1;
    this.sentAt = new Float64Array(this.capacity);
    this.senderOf = new Int32Array(this.capacity).fill(-1);
    this.arrivals = new Float64Array(n * this.capacity);
    this.sentBy = clients.map(() => []);
    this.seenIndex = new Int32Array(n * n).fill(-1);
    this.remoteUpdates = new Int32Array(n);
    clients.forEach((client, receiver) => {
      const rows = findProbeRows(client.doc, n);
      const project = projectsMap(client.doc).get(PROJECT_ID);
      if (!rows || !project) throw new Error(`client ${receiver} lacks the probe rows`);
      const senderOfRow = new Map(rows.map((row, sender) => [row, sender]));
      const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
        const now = performance.now();
        for (const event of events) {
          const sender = senderOfRow.get(event.target as IndicatorMap);
          if (sender === undefined || !(event as Y.YMapEvent<unknown>).keysChanged.has('value')) continue;
          const value = rows[sender]?.get('value');
          if (typeof value === 'string' && value.startsWith(VALUE_PREFIX)) this.arrive(receiver, sender, Number(value.slice(VALUE_PREFIX.length)), now);
        }
      };
      const indicators = indicatorsOf(project);
      indicators.observeDeep(onChange);
      this.detach.push(() => indicators.unobserveDeep(onChange));
      // One remote 'update' event per applied server message that changed the document, so this
      // counts how many messages a receiver had to process (fewer when the server merges).
      const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
        if (!tr.local) this.remoteUpdates[receiver] = (this.remoteUpdates[receiver] ?? 0) + 1;
      };
      client.doc.on('update', onUpdate);
      this.detach.push(() => client.doc.off('update', onUpdate));
    });
  }

  /** Sequence number of the newest edit so far (0 before the first). */
  get newest(): number {
    return this.lastSeq;
  }

  /** Client `sender` writes the next sequence number into its row; returns that number. */
  edit(sender: number): number {
    const seq = ++this.lastSeq;
    if (seq >= this.capacity) throw new Error(`FanoutProbe capacity ${this.capacity - 1} exceeded`);
    const client = this.clients[sender];
    if (!client) throw new Error(`no client ${sender}`);
    this.senderOf[seq] = sender;
    this.sentBy[sender]?.push(seq);
    this.sentAt[seq] = performance.now();
    this.missing += this.clients.length;
    if (!setIndicatorField(client.doc, PROJECT_ID, rowId(sender), 'value', `${VALUE_PREFIX}${seq}`)) {
      throw new Error(`client ${sender} lost row ${rowId(sender)}`);
    }
    return seq;
  }

  /** Resolves once every client has every edit so far; rejects after `timeoutMs` saying who lags. */
  async waitForAll(timeoutMs: number, what: string): Promise<void> {
    await waitUntil(() => this.missing === 0, timeoutMs, () => this.describeLag(what));
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
    return this.arrivals[client * this.capacity + seq] || NaN;
  }

  private arrive(receiver: number, sender: number, seq: number, now: number): void {
    const sent = this.sentBy[sender] ?? [];
    const slot = receiver * this.clients.length + sender;
    const seen = this.seenIndex[slot] ?? -1;
    let index = seen + 1;
    while (index < sent.length && (sent[index] ?? Infinity) < seq) index++;
    if (sent[index] !== seq) return; // older than what this receiver already has
    for (let i = seen + 1; i <= index; i++) {
      this.arrivals[receiver * this.capacity + (sent[i] ?? 0)] = now;
      this.missing--;
    }
    this.seenIndex[slot] = index;
  }

  private describeLag(what: string): string {
    const lagging: number[] = [];
    let oldest = Infinity;
    for (let c = 0; c < this.clients.length; c++) {
      for (let seq = 1; seq <= this.lastSeq; seq++) {
        if (this.arrivals[c * this.capacity + seq]) continue;
        lagging.push(c);
        oldest = Math.min(oldest, seq);
        break;
      }
    }
    const first = lagging[0] ?? -1;
    const sender = this.senderOf[oldest] ?? -1;
    return (
      `${what}: ${lagging.length} of ${this.clients.length} clients lack edits (oldest missing: ${oldest} of ${this.lastSeq}); ` +
      `its sender, client ${sender}: ${this.clients[sender]?.describe() ?? '?'}; client ${first}: ${this.clients[first]?.describe() ?? '?'}`
    );
  }
}
