import type { accountContract } from '@zbxx/contracts';
import type { FunctionHandler } from '@zbxx/server';
import { loadMe } from '../me';

/** Home screen's first call: bound → who I am (2 database requests); otherwise where I stand. */
export const login: FunctionHandler<typeof accountContract, 'login'> = async (_input, { caller, db, now }) => {
  switch (caller.status) {
    case 'bound':
      return { status: 'bound', me: await loadMe(db, caller, now) };
    case 'pending':
      return { status: 'pending', branchName: caller.binding.branchName };
    case 'unbound':
      return { status: 'unbound' };
  }
};
