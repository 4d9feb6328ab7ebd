import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { editText, moveIndicator, resolveText, setIndicatorField, type TextRef } from '../../shared/model/index.ts';
import type { seededRandom } from '../helpers/seeded-random.ts';

type SeededRandom = ReturnType<typeof seededRandom>;

/** The project whose rows the chaos clients own (row `chaos-<i>` belongs to client i). */
export const CHAOS_PROJECT = 'p-reception';
const TEXTS: TextRef[] = [{ section: 'overallGoal' }, { section: 'subGoals' }, { section: 'safeguards' }];

/** What a chaos client has had acknowledged, to check after every restart. */
export interface Acknowledged {
  /** Markers typed into texts, each acknowledged by the server. */
  textMarks: string[];
  /** Highest acknowledged number written into the client's own row's 指标值. */
  cellSeq: number;
  /** Comments the API answered 201 for. */
  comments: string[];
}

/**
 * One simulated person: a real provider that types markers into texts, sets its own row's
 * value, moves its row and comments through the API. A change counts as acknowledged once the
 * provider reports no unsynced changes after it (the server sends SyncStatus only after the
 * update is synced to disk), or once the API answered.
 */
export class ChaosClient {
  readonly index: number;
  readonly doc = new Y.Doc();
  readonly acked: Acknowledged = { textMarks: [], cellSeq: 0, comments: [] };
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly pendingMarks: string[] = [];
  private pendingSeq = 0;
  private seq = 0;
  private readonly poll: NodeJS.Timeout;

  constructor(index: number, wsUrl: string, docId: string, token: string) {
    this.index = index;
    // Quick reconnects: the server comes back within a second or two after every kill.
    this.socket = new HocuspocusProviderWebsocket({ url: `${wsUrl}/collab/${docId}`, delay: 50, minDelay: 50, factor: 1.5, maxDelay: 500, jitter: true });
    this.provider = new HocuspocusProvider({ websocketProvider: this.socket, name: docId, document: this.doc, token });
    this.provider.attach();
    this.poll = setInterval(() => this.noteAcks(), 5);
  }

  /** Whether the client is synced and has nothing unacknowledged. */
  get settled(): boolean {
    return this.provider.isSynced && !this.provider.hasUnsyncedChanges;
  }

  /** Makes one random change (only once the document arrived). */
  act(random: SeededRandom): void {
    if (!this.provider.isSynced) return;
    this.noteAcks();
    const n = ++this.seq;
    const roll = random.next();
    if (roll < 0.45) {
      const mark = `‹${this.index}.${n}›`;
      const ref = TEXTS[random.int(TEXTS.length)] as TextRef;
      // At either end only: an index inside the text could split a colleague's marker.
      const at = random.next() < 0.5 ? 0 : this.textLength(ref);
      if (editText(this.doc, ref, at, 0, mark)) this.pendingMarks.push(mark);
    } else if (roll < 0.85) {
      if (setIndicatorField(this.doc, CHAOS_PROJECT, `chaos-${this.index}`, 'value', `v${n}`)) this.pendingSeq = n;
    } else {
      moveIndicator(this.doc, CHAOS_PROJECT, `chaos-${this.index}`, random.int(8));
    }
  }

  /** Stops the client. */
  destroy(): void {
    clearInterval(this.poll);
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }

  private noteAcks(): void {
    if (this.provider.hasUnsyncedChanges || !this.provider.isSynced) return;
    this.acked.textMarks.push(...this.pendingMarks.splice(0));
    if (this.pendingSeq > this.acked.cellSeq) this.acked.cellSeq = this.pendingSeq;
  }

  private textLength(ref: TextRef): number {
    return resolveText(this.doc, ref)?.length ?? 0;
  }
}
