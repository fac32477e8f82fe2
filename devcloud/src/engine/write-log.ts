import type { Document } from './types';

/** A document's identity across collections. */
export function fullKey(collection: string, key: string): string {
  return `${collection}\u0000${key}`;
}

interface PriorState {
  /** The commit sequence that replaced this state. */
  replacedAt: number;
  doc: Document | null;
}

/**
 * Versions for optimistic transactions. Every committed batch gets the next sequence number. While any
 * transaction is open we remember, per document, the sequence of its last write (its version) and the
 * states it replaced, so a transaction started at sequence S can still read the document as of S
 * (snapshot isolation) and its commit can see whether anything it touched changed after S.
 * With no transaction open nothing is recorded, so ordinary traffic pays nothing.
 */
export class WriteLog {
  private sequence = 0;
  private readonly lastWrite = new Map<string, number>();
  private readonly history = new Map<string, PriorState[]>();

  get current(): number {
    return this.sequence;
  }

  /** Reserves the sequence number of the next committed batch. */
  next(): number {
    return ++this.sequence;
  }

  record(key: string, prior: Document | null, sequence: number): void {
    this.lastWrite.set(key, sequence);
    let states = this.history.get(key);
    if (!states) this.history.set(key, (states = []));
    states.push({ replacedAt: sequence, doc: prior });
  }

  changedSince(key: string, sequence: number): boolean {
    return (this.lastWrite.get(key) ?? 0) > sequence;
  }

  /** The document as it was at `sequence`, given its current state. */
  asOf(key: string, sequence: number, current: Document | null): Document | null {
    if (!this.changedSince(key, sequence)) return current;
    // The first state replaced after `sequence` is the one that was current at `sequence`.
    const state = this.history.get(key)?.find((s) => s.replacedAt > sequence);
    return state ? state.doc : current;
  }

  /** Forgets what no open transaction can need: states replaced at or before the oldest open snapshot. */
  prune(oldestOpenSnapshot: number | null): void {
    if (oldestOpenSnapshot === null) {
      this.lastWrite.clear();
      this.history.clear();
      return;
    }
    for (const [key, states] of this.history) {
      const kept = states.filter((s) => s.replacedAt > oldestOpenSnapshot);
      if (kept.length > 0) this.history.set(key, kept);
      else {
        this.history.delete(key);
        this.lastWrite.delete(key);
      }
    }
  }
}
