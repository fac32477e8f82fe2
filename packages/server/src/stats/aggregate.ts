import type { Db, DocData } from '../db';

/** One aggregation stage in plain MongoDB syntax (`{ $lookup: {...} }`), as the domain's stages are written. */
export type Stage = Record<string, unknown>;

/** The SDK's pipeline builder, beyond the subset `DbAggregate` types for the repositories. */
interface StageBuilder {
  end(): Promise<{ list: DocData[] }>;
  [method: string]: unknown;
}

// wx-server-sdk's `aggregate()` takes no raw pipeline: each stage goes through its builder method.
const BUILDER_METHODS: Record<string, string> = {
  $match: 'match',
  $lookup: 'lookup',
  $addFields: 'addFields',
  $project: 'project',
  $group: 'group',
  $sort: 'sort',
  $skip: 'skip',
  $limit: 'limit',
  $unwind: 'unwind',
  $replaceRoot: 'replaceRoot',
};

/**
 * Runs a pipeline of plain stages as one `aggregateDocuments` request. Stages travel as written (EJSON, so
 * dates survive): conditions use MongoDB operators (`$in`, `$lt`, `$or`), which the SDK's match serializer
 * passes through unchanged.
 */
export async function runPipeline(db: Db, collection: string, stages: readonly Stage[]): Promise<DocData[]> {
  let builder = db.collection(collection).aggregate() as unknown as StageBuilder;
  for (const stage of stages) {
    const keys = Object.keys(stage);
    const method = keys.length === 1 ? BUILDER_METHODS[keys[0]!] : undefined;
    if (!method) throw new Error(`runPipeline: unsupported stage ${JSON.stringify(keys)}`);
    builder = (builder[method] as (value: unknown) => StageBuilder).call(builder, stage[keys[0]!]);
  }
  const res = await builder.end();
  return res.list;
}
