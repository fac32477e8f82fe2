import type { Envelope } from '@zbxx/contracts';
import type { QualityCloud } from '../../support/quality-cloud';

/**
 * What an attack may spend. An attack test states it up front, so "the attacker failed" means "failed within
 * this budget", and a loop over a re-drawable resource always ends.
 */
export interface AttackBudget {
  /** Function calls the attacker may make. */
  requests: number;
  /** Wall time the attacker may take, in seconds (a bound on the test, not a verdict). */
  seconds: number;
}

export class BudgetSpent extends Error {
  constructor(readonly budget: AttackBudget) {
    super(`attack budget spent: ${budget.requests} requests / ${budget.seconds} s`);
  }
}

/** One adversarial caller (a member, a secretary, an admin) with a request budget. */
export interface Attacker {
  readonly openid: string;
  readonly budget: AttackBudget;
  /** Calls spent so far. */
  readonly spent: number;
  /** Whether another call fits in the budget (requests and seconds). */
  canSpend(): boolean;
  /** Calls `fn.action` as the attacker; throws BudgetSpent once the budget is gone. */
  call(fn: string, action: string, data?: unknown, requestId?: string): Promise<Envelope<unknown>>;
}

/** `performance.now()` measures the attack's own duration: no verdict depends on what the wall clock says. */
export function attacker(qc: QualityCloud, openid: string, budget: AttackBudget): Attacker {
  const started = performance.now();
  let spent = 0;
  const canSpend = () => spent < budget.requests && (performance.now() - started) / 1000 < budget.seconds;
  return {
    openid,
    budget,
    get spent() {
      return spent;
    },
    canSpend,
    async call(fn, action, data = {}, requestId) {
      if (!canSpend()) throw new BudgetSpent(budget);
      spent += 1;
      return qc.call(fn, action, data, openid, requestId);
    },
  };
}
