/**
 * Database requests are the cloud bill and the latency budget (DESIGN.md), so devcloud counts them:
 * globally, per action, and per open caller tag. The function host opens one tag per invocation (the
 * worker's service URL ends in it), so an invocation's count is exact; a nested `callFunction` opens a
 * child tag whose requests also count for its parent, as they would on the parent's bill.
 */
export type InvocationOutcome = 'ok' | 'failed' | 'timeout';

export interface FunctionStats {
  invocations: number;
  failures: number;
  dbRequests: number;
  totalDurationMs: number;
}

export interface StatsSnapshot {
  dbRequests: { total: number; byAction: Record<string, number>; fromScripts: number };
  functions: Record<string, FunctionStats>;
}

interface OpenTag {
  count: number;
  parent: string | null;
}

export class RequestStats {
  private total = 0;
  private fromScripts = 0;
  private readonly byAction = new Map<string, number>();
  private readonly openTags = new Map<string, OpenTag>();
  private readonly byFunction = new Map<string, FunctionStats>();

  openTag(tag: string, parent: string | null = null): void {
    this.openTags.set(tag, { count: 0, parent });
  }

  /** Closes the tag and returns how many database requests were made under it (children included). */
  closeTag(tag: string): number {
    const open = this.openTags.get(tag);
    this.openTags.delete(tag);
    return open?.count ?? 0;
  }

  /** Counts one request if `action` is a database action; requests of closed tags still count globally. */
  countRequest(action: string, callerTag: string | null): void {
    if (!action.startsWith('database.')) return;
    this.total += 1;
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1);
    if (callerTag === null) this.fromScripts += 1;
    let tag: string | null = callerTag;
    while (tag !== null) {
      const open = this.openTags.get(tag);
      if (!open) break;
      open.count += 1;
      tag = open.parent;
    }
  }

  recordInvocation(functionName: string, outcome: InvocationOutcome, dbRequests: number, durationMs: number): void {
    const stats = this.byFunction.get(functionName) ?? { invocations: 0, failures: 0, dbRequests: 0, totalDurationMs: 0 };
    stats.invocations += 1;
    if (outcome !== 'ok') stats.failures += 1;
    stats.dbRequests += dbRequests;
    stats.totalDurationMs += durationMs;
    this.byFunction.set(functionName, stats);
  }

  snapshot(): StatsSnapshot {
    return {
      dbRequests: { total: this.total, byAction: Object.fromEntries(this.byAction), fromScripts: this.fromScripts },
      functions: Object.fromEntries([...this.byFunction].map(([name, stats]) => [name, { ...stats }])),
    };
  }
}
