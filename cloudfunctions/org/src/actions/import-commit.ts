import type { orgContract } from '@zbxx/contracts';
import { orgPathOf } from '@zbxx/domain';
import {
  AppError,
  auditLogRepo,
  membersRepo,
  orgsRepo,
  rosterImportsRepo,
  transfersRepo,
  type BoundCaller,
  type Db,
  type FunctionContext,
  type FunctionHandler,
  type MemberDoc,
  type RosterImportChunkDoc,
} from '@zbxx/server';
import { adminCoversPath, requireAdmin } from '../access';
import { auditEntry } from '../audit';

/** How long one commit holds an import: longer than the function's 60 s timeout. */
const LEASE_MS = 90_000;
const PARALLEL_UPDATES = 20;

type StagedUpdate = RosterImportChunkDoc['updates'][number];

/**
 * 确认导入: writes exactly the staged preview, all or nothing.
 *
 * A roster can hold thousands of rows and a platform transaction only single-document operations, so the
 * import cannot be one transaction. Instead: (1) validate fully at preview and stage the plan; (2) lease the
 * import to this call (a transaction on the import document, so two commits cannot run at once); (3) check
 * nothing changed since the preview; (4) write chunk by chunk, each chunk idempotently (remove what an earlier
 * attempt of the same chunk inserted, insert the chunk in one request; updates set absolute values); (5) mark
 * the import committed with its audit entry in one transaction. If any write fails, what was written is
 * undone (inserted entries removed by `importId`, updated fields put back from the staged `before`) and the
 * import returns to `previewed`. If the function dies mid-way, the lease runs out and committing again
 * resumes and completes it. A committed import answers its result again (idempotent by `importId`).
 */
export const importCommit: FunctionHandler<typeof orgContract, 'importCommit'> = async ({ importId }, ctx) => {
  const me = requireAdmin(ctx.caller);
  const { db, now } = ctx;
  const staged = await rosterImportsRepo.getImport(db, importId);
  if (!staged || staged.createdBy.memberId !== me.member._id) throw new AppError('NOT_FOUND', '导入批次不存在或已过期，请重新上传');
  const result = { importId, added: staged.addCount, updated: staged.updateCount };
  if (staged.status === 'committed') return result;

  const claimed = await db.runTransaction(async (tx) => {
    const fresh = await rosterImportsRepo.getImport(tx, importId);
    if (!fresh || fresh.status === 'committed') return false;
    if (fresh.status === 'writing' && fresh.leaseUntil && new Date(fresh.leaseUntil).getTime() > now.getTime()) {
      throw new AppError('CONFLICT', '该花名册正在导入，请稍候刷新');
    }
    await rosterImportsRepo.updateImport(tx, importId, { status: 'writing', leaseUntil: new Date(now.getTime() + LEASE_MS) });
    return true;
  });
  if (!claimed) return result;

  const chunks = await rosterImportsRepo.loadChunks(db, importId, staged.chunkCount);
  const current = await assertUnchangedSincePreview(db, me, importId, chunks).catch(async (error: unknown) => {
    // Nothing was written: release the import so the next attempt checks again instead of waiting for the lease.
    await rosterImportsRepo.updateImport(db, importId, { status: 'previewed', leaseUntil: db.command.remove() });
    throw error;
  });
  // Where moved members came from, by the branch staged at preview: a resumed commit finds them moved already.
  const fromPaths = await branchPaths(
    db,
    transfersOf(chunks).map((update) => update.before.branchId!),
  );
  try {
    for (const chunk of chunks) {
      await membersRepo.removeImported(db, importId, chunk.seq);
      await membersRepo.insertMembers(db, chunk.adds);
      await inGroups(chunk.updates, PARALLEL_UPDATES, (update) => applyUpdate(db, update, current.get(update.memberId)!));
    }
    await inGroups(transfersOf(chunks), PARALLEL_UPDATES, (update) => writeTransfer(ctx, me, importId, update, fromPaths));
  } catch (error) {
    await rollBack(ctx, me, importId, chunks, current, fromPaths);
    throw error;
  }
  await db.runTransaction(async (tx) => {
    await rosterImportsRepo.updateImport(tx, importId, { status: 'committed', committedAt: now, leaseUntil: db.command.remove() });
    await auditLogRepo.appendAudit(
      tx,
      auditEntry(
        ctx,
        me,
        'roster.import',
        { collection: 'rosterImports', id: importId },
        { fileName: staged.fileName, added: staged.addCount, updated: staged.updateCount },
      ),
    );
  });
  return result;
};

/** Org paths of branches, by id: one request per 100 branches. */
async function branchPaths(db: Db, branchIds: readonly string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(branchIds)];
  const paths = new Map<string, string[]>();
  for (let i = 0; i < unique.length; i += 100) {
    for (const org of await orgsRepo.findOrgsByIds(db, unique.slice(i, i + 100)))
      paths.set(org._id, orgPathOf({ id: org._id, ancestors: org.ancestors }));
  }
  return paths;
}

async function inGroups<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

function transfersOf(chunks: readonly RosterImportChunkDoc[]): StagedUpdate[] {
  return chunks.flatMap((chunk) => chunk.updates.filter((update) => update.changes.branchId !== undefined));
}

/**
 * The roster may have changed between preview and commit (another import, a transfer, a new entry with one
 * of the sheet's phones). Entries this import itself wrote (an interrupted earlier commit) do not count.
 * Returns the current documents of the entries to update.
 */
async function assertUnchangedSincePreview(
  db: Db,
  me: BoundCaller,
  importId: string,
  chunks: readonly RosterImportChunkDoc[],
): Promise<Map<string, MemberDoc>> {
  const adds = chunks.flatMap((chunk) => chunk.adds);
  const updates = chunks.flatMap((chunk) => chunk.updates);
  const [taken, current] = await Promise.all([
    membersRepo.findMembersByPhones(
      db,
      adds.map((m) => m.phone),
    ),
    membersRepo.findMembersByIds(
      db,
      updates.map((u) => u.memberId),
    ),
  ]);
  const stale = () => new AppError('CONFLICT', '花名册在预览后有变化，请重新上传预览');
  if (taken.some((m) => m.importId !== importId)) throw stale();
  const byId = new Map(current.map((m) => [m._id, m]));
  for (const update of updates) {
    const member = byId.get(update.memberId);
    if (!member || !adminCoversPath(me, member.orgPath)) throw stale();
    for (const [field, to] of Object.entries(update.changes)) {
      const now = (member as unknown as Record<string, unknown>)[field] ?? '';
      if (now !== to && now !== (update.before as Record<string, string>)[field]) throw stale();
    }
  }
  return byId;
}

function applyUpdate(db: Db, update: StagedUpdate, member: MemberDoc): Promise<void> {
  const moved = update.changes.branchId !== undefined && update.orgPath !== undefined;
  return membersRepo.updateMember(db, update.memberId, {
    ...update.changes,
    ...(moved
      ? { orgPath: update.orgPath, roles: member.roles.filter((g) => !(g.role === 'secretary' && g.orgId === member.branchId)) }
      : {}),
  });
}

function transferId(importId: string, update: StagedUpdate): string {
  return `${importId}-${update.row}`;
}

function writeTransfer(
  ctx: FunctionContext,
  me: BoundCaller,
  importId: string,
  update: StagedUpdate,
  fromPaths: ReadonlyMap<string, string[]>,
): Promise<void> {
  return transfersRepo.putTransfer(ctx.db, transferId(importId, update), {
    memberId: update.memberId,
    fromBranchId: update.before.branchId!,
    fromOrgPath: fromPaths.get(update.before.branchId!) ?? [],
    toBranchId: update.changes.branchId!,
    toOrgPath: update.orgPath ?? [],
    at: ctx.now,
    reason: 'import',
    importId,
    actor: { openid: ctx.openid, memberId: me.member._id },
    requestId: ctx.requestId,
  });
}

/** Puts the roster back as it was before this commit and releases the import for another try. */
async function rollBack(
  ctx: FunctionContext,
  me: BoundCaller,
  importId: string,
  chunks: readonly RosterImportChunkDoc[],
  before: Map<string, MemberDoc>,
  fromPaths: ReadonlyMap<string, string[]>,
) {
  const { db } = ctx;
  await membersRepo.removeImported(db, importId);
  const updates = chunks.flatMap((chunk) => chunk.updates);
  await inGroups(updates, PARALLEL_UPDATES, (update) => {
    const member = before.get(update.memberId)!;
    const orgPath = update.before.branchId !== undefined ? (fromPaths.get(update.before.branchId) ?? member.orgPath) : member.orgPath;
    return membersRepo.updateMember(db, update.memberId, { ...update.before, orgPath, roles: member.roles });
  });
  await inGroups(transfersOf(chunks), PARALLEL_UPDATES, (update) => transfersRepo.removeTransfer(db, transferId(importId, update)));
  await db.runTransaction(async (tx) => {
    await rosterImportsRepo.updateImport(tx, importId, { status: 'previewed', leaseUntil: db.command.remove() });
    await auditLogRepo.appendAudit(tx, auditEntry(ctx, me, 'roster.import.rollback', { collection: 'rosterImports', id: importId }, {}));
  });
}
