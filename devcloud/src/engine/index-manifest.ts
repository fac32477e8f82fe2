import { readFileSync } from 'node:fs';

/**
 * The index manifest (`cloudbase/indexes.json`) declares every collection and its indexes once, for devcloud
 * and for production (where the indexes are created in the console / HTTP API, never by the SDK).
 *
 * ```json
 * { "collections": {
 *     "members": { "indexes": [
 *       { "name": "openid_1", "fields": { "openid": 1 }, "unique": true, "sparse": true },
 *       { "name": "branchId_1_status_1", "fields": { "branchId": 1, "status": 1 } } ] },
 *     "auditLog": {} } }
 * ```
 * - every collection named here is created when devcloud opens its database;
 * - `fields`: dotted paths → 1 (ascending) or -1 (descending), MongoDB order for compound indexes;
 * - `unique`: duplicates are refused with DATABASE_DUPLICATE_WRITE (on insert, update, upsert and at the
 *   commit of a transaction); a missing field counts as null, as in MongoDB, unless `sparse` is true
 *   (then documents missing every indexed field are not indexed);
 * - devcloud uses every indexed field for equality lookups (`{ field: v }`, `$eq`, `$in`) before mingo
 *   filters the candidates; `_id` is always indexed.
 */
export interface IndexSpec {
  name: string;
  fields: Record<string, 1 | -1>;
  unique?: boolean;
  sparse?: boolean;
}

export interface CollectionManifest {
  indexes?: IndexSpec[];
}

export interface IndexManifest {
  collections: Record<string, CollectionManifest>;
}

export function loadIndexManifest(path: string): IndexManifest {
  return parseIndexManifest(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}

/** Validates the shape so a typo in the manifest fails at startup, not as a silently missing index. */
export function parseIndexManifest(raw: unknown, source = 'index manifest'): IndexManifest {
  const fail = (why: string): never => {
    throw new Error(`${source}: ${why}`);
  };
  if (!isRecord(raw) || !isRecord(raw.collections)) return fail('expected { "collections": { … } }');
  const collections: Record<string, CollectionManifest> = {};
  for (const [name, entry] of Object.entries(raw.collections)) {
    if (!isRecord(entry)) return fail(`collection "${name}" must be an object`);
    const indexes = entry.indexes ?? [];
    if (!Array.isArray(indexes)) return fail(`collection "${name}": "indexes" must be an array`);
    collections[name] = {
      indexes: indexes.map((index: unknown, i): IndexSpec => {
        const where = `collection "${name}" index #${i}`;
        if (!isRecord(index) || typeof index.name !== 'string' || !isRecord(index.fields)) {
          return fail(`${where}: expected { "name": string, "fields": { path: 1 | -1 } }`);
        }
        const fields = Object.entries(index.fields);
        if (fields.length === 0 || fields.some(([, dir]) => dir !== 1 && dir !== -1)) {
          return fail(`${where}: "fields" must map at least one path to 1 or -1`);
        }
        return {
          name: index.name,
          fields: index.fields as Record<string, 1 | -1>,
          unique: index.unique === true,
          sparse: index.sparse === true,
        };
      }),
    };
  }
  return { collections };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
