import { questionStemKey, type Question } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db } from '../db';

/**
 * `quizQuestions`: the question bank (题库) of an org (usually the county 组织部). `stemKey` is the stem with
 * blanks and punctuation removed: duplicate detection on import is one indexed query. An attempt snapshots
 * what it needs at draw time, so editing a question never changes an attempt already scored.
 */
export interface QuizQuestionDoc extends Omit<Question, 'id'> {
  _id: string;
  /** The org whose bank holds it; rounds of that org's subtree draw from it. */
  bankOrgId: string;
  stemKey: string;
  /** Retired questions stay for old attempts and item analysis but are never drawn. */
  active: boolean;
  importId?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Stem normalised for duplicate detection (one rule, in the domain). */
export const stemKeyOf = questionStemKey;

export function toQuestion(doc: QuizQuestionDoc): Question {
  return {
    id: doc._id,
    type: doc.type,
    stem: doc.stem,
    options: doc.options,
    key: doc.key,
    explanation: doc.explanation,
    citation: doc.citation,
    category: doc.category,
    difficulty: doc.difficulty,
  };
}

/** Active questions of the banks on a round's path, in the categories a quota names (one request, ≤ 1000). */
export async function findDrawable(db: Db, bankOrgIds: readonly string[], categories: readonly string[]): Promise<QuizQuestionDoc[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizQuestions)
    .where({ bankOrgId: _.in([...bankOrgIds]), category: _.in([...categories]), active: true })
    .limit(1000)
    .get();
  return res.data as unknown as QuizQuestionDoc[];
}

/** Which of these stem keys the bank already holds (one request per 1000 keys). */
export async function findExistingStemKeys(db: Db, bankOrgId: string, stemKeys: readonly string[]): Promise<Set<string>> {
  const _ = db.command;
  const found = new Set<string>();
  const unique = [...new Set(stemKeys)];
  for (let i = 0; i < unique.length; i += 1000) {
    const res = await db
      .collection(COLLECTIONS.quizQuestions)
      .where({ bankOrgId, stemKey: _.in(unique.slice(i, i + 1000)) })
      .field({ stemKey: true })
      .limit(1000)
      .get();
    for (const doc of res.data) found.add(String(doc.stemKey));
  }
  return found;
}

/** A bank's size by category, for the admin's overview and for round quotas. */
export async function countByCategory(db: Db, bankOrgIds: readonly string[]): Promise<{ category: string; count: number }[]> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizQuestions)
    .aggregate()
    .match({ bankOrgId: _.in([...bankOrgIds]), active: true })
    .group({ _id: '$category', count: { $sum: 1 } })
    .sort({ _id: 1 })
    .limit(1000)
    .end();
  return res.list.map((row) => ({ category: String(row._id), count: Number(row.count) }));
}

export async function insertQuestions(db: Db, docs: readonly QuizQuestionDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    await db.collection(COLLECTIONS.quizQuestions).add({ data: docs.slice(i, i + 500) as unknown as Record<string, unknown>[] });
  }
}

export async function removeImported(db: Db, importId: string): Promise<void> {
  await db.collection(COLLECTIONS.quizQuestions).where({ importId }).remove();
}

/** `quizImports`: a previewed sheet, staged so the commit writes exactly what the admin saw. */
export interface QuizImportDoc {
  _id: string;
  status: 'previewed' | 'committed';
  bankOrgId: string;
  createdBy: string;
  fileName: string;
  questions: (Omit<Question, 'id'> & { row: number })[];
  createdAt: Date;
  committedAt?: Date;
}

export async function stageImport(db: Db, doc: QuizImportDoc): Promise<void> {
  const { _id, ...data } = doc;
  await db
    .collection(COLLECTIONS.quizImports)
    .doc(_id)
    .set({ data: data as unknown as Record<string, unknown> });
}

export async function getImport(db: Db, id: string): Promise<QuizImportDoc | null> {
  const res = await db.collection(COLLECTIONS.quizImports).doc(id).get();
  return res.data as unknown as QuizImportDoc | null;
}

export async function markImportCommitted(db: Db, id: string, at: Date): Promise<boolean> {
  const res = await db
    .collection(COLLECTIONS.quizImports)
    .where({ _id: id, status: 'previewed' })
    .update({ data: { status: 'committed', committedAt: at } });
  return res.stats.updated === 1;
}

export async function findQuestionsByIds(db: Db, ids: readonly string[]): Promise<QuizQuestionDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.quizQuestions)
    .where({ _id: _.in([...new Set(ids)]) })
    .limit(1000)
    .get();
  return res.data as unknown as QuizQuestionDoc[];
}
