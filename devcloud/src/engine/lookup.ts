import { isPlainObject } from '../protocol/ejson';
import type { Collection } from './collection';
import { deepCopy } from './deep-copy';
import { equalityKey, isIndexableScalar, valuesAtPath } from './field-values';
import type { Document } from './types';

export interface EqualityLookup {
  from: string;
  localField: string;
  foreignField: string;
  as: string;
}

/** `{ $lookup: { from, localField, foreignField, as } }` and nothing else (no `let`/`pipeline`, a plain `as`). */
export function equalityLookupOf(stage: Record<string, unknown>): EqualityLookup | null {
  if (Object.keys(stage).length !== 1 || !isPlainObject(stage.$lookup)) return null;
  const spec = stage.$lookup;
  const keys = Object.keys(spec).sort().join(',');
  if (keys !== 'as,foreignField,from,localField') return null;
  const { from, localField, foreignField, as } = spec;
  if (typeof from !== 'string' || typeof localField !== 'string' || typeof foreignField !== 'string' || typeof as !== 'string') return null;
  if (as.includes('.') || as.startsWith('$')) return null;
  return { from, localField, foreignField, as };
}

/**
 * An equality `$lookup` as a hash join over the stored documents: the foreign side is narrowed by its
 * equality index when `foreignField` has one (one probe per distinct local value), otherwise hashed in one
 * pass; only the matched documents are copied. mingo's own `$lookup` hashes too, but over a deep copy of the
 * whole foreign collection per request, which at county scale (tens of thousands of attempts with their
 * papers) costs seconds and hundreds of megabytes for a branch of 40 members.
 *
 * With `share`, the joined documents are the stored ones themselves: only for pipelines that never write
 * into nested values (see `readsOnly`), whose output the caller copies.
 *
 * Returns null when a local value is not a plain scalar (missing, null, an object): the caller then leaves
 * the stage to mingo, whose null/missing matching follows MongoDB's rules.
 */
export function equalityJoin(
  docs: readonly Document[],
  spec: EqualityLookup,
  foreign: Collection | undefined,
  share = false,
): Document[] | null {
  const localPath = spec.localField.split('.');
  const localKeys: string[][] = [];
  const wanted = new Map<string, unknown>();
  for (const doc of docs) {
    const values = valuesAtPath(doc, localPath);
    if (values.length === 0 && !Array.isArray(doc[localPath[0]!])) return null;
    if (!values.every(isIndexableScalar)) return null;
    const keys = values.map(equalityKey);
    values.forEach((value, i) => wanted.set(keys[i]!, value));
    localKeys.push(keys);
  }

  const byKey = new Map<string, Document[]>();
  if (foreign && wanted.size > 0) {
    const candidates = foreign.indexes.candidates({ [spec.foreignField]: { $in: [...wanted.values()] } });
    const source: Iterable<Document | undefined> = candidates ? [...candidates].map((key) => foreign.get(key)) : foreign.all();
    const foreignPath = spec.foreignField.split('.');
    for (const doc of source) {
      if (!doc) continue;
      const seen = new Set<string>();
      for (const value of valuesAtPath(doc, foreignPath)) {
        const key = equalityKey(value);
        if (!wanted.has(key) || seen.has(key)) continue;
        seen.add(key);
        const list = byKey.get(key);
        if (list) list.push(doc);
        else byKey.set(key, [doc]);
      }
    }
  }

  return docs.map((doc, i) => {
    const matched = new Set<Document>();
    for (const key of localKeys[i]!) for (const found of byKey.get(key) ?? []) matched.add(found);
    return { ...doc, [spec.as]: share ? [...matched] : [...matched].map(deepCopy) };
  });
}

const READ_ONLY_STAGES = new Set(['$match', '$group', '$sort', '$skip', '$limit', '$count']);
const TOP_LEVEL_WRITES = new Set(['$project', '$addFields', '$set']);

/**
 * Whether a pipeline can run on shared stored documents: its stages build new documents or set top-level
 * fields of shallow copies, never write into a nested value (a dotted `$set`, `$unwind` + `$set` on the
 * element, `$replaceRoot` …), and its `$lookup`s are equality joins.
 */
export function readsOnly(pipeline: readonly Record<string, unknown>[]): boolean {
  return pipeline.every((stage) => {
    const keys = Object.keys(stage);
    if (keys.length !== 1) return false;
    const key = keys[0]!;
    if (key === '$lookup') return equalityLookupOf(stage) !== null;
    if (READ_ONLY_STAGES.has(key)) return true;
    return TOP_LEVEL_WRITES.has(key) && isPlainObject(stage[key]) && Object.keys(stage[key]).every((field) => !field.includes('.'));
  });
}
