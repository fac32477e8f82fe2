import { orgPathOf, scopeCoversPath } from '@zbxx/domain';
import { AppError } from './app-error';
import { requireBound, type Caller } from './caller';
import type { Db } from './db';
import { orgsRepo, type OrgDoc } from './repositories';

/**
 * The branch a secretary's view is about: the one asked for, or the caller's own. Allowed for the branch's
 * secretary or an admin whose subtree holds it; anything else is refused with `deniedMessage`.
 */
export async function resolveViewableBranch(
  db: Db,
  caller: Caller,
  branchId: string | undefined,
  deniedMessage: string,
): Promise<{ branch: OrgDoc; branchPath: string[] }> {
  const { scope } = requireBound(caller);
  const id = branchId ?? scope.secretaryOf[0];
  if (!id) throw new AppError('AUTH.FORBIDDEN');
  const [branch] = await orgsRepo.findOrgsByIds(db, [id]);
  if (!branch || branch.type !== 'branch') throw new AppError('NOT_FOUND', '没有找到这个党支部');
  const branchPath = orgPathOf({ id: branch._id, ancestors: branch.ancestors });
  if (!scopeCoversPath(scope, branchPath)) throw new AppError('AUTH.FORBIDDEN', deniedMessage);
  return { branch, branchPath };
}
