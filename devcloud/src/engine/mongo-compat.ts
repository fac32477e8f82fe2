/**
 * mingo, configured and corrected to answer like MongoDB (what CloudBase runs). Every deviation we found
 * is fixed here, each with a test in __tests__/mongo-compat.test.ts:
 * - `$mod` matches only numbers (mingo: `null % d === 0` made null and missing-ish values match);
 * - `{ f: { $gte: null } }` / `$lte: null` match null and missing fields, like `{ f: null }`;
 * - updates that MongoDB rejects fail instead of silently doing nothing or inventing structure:
 *   creating a field inside a scalar/null/array (`a.b` where a is 5), `$inc`/`$mul` on non-numbers,
 *   array operators on non-arrays, changing `_id`;
 * - the positional `$` update operator gets the query it refers to;
 * - aggregation never mutates its input (mingo's `$set`/`$addFields` on nested paths write through);
 * - `$elemMatch` with field conditions matches only elements that are documents;
 * - `$substr`/`$substrBytes` read a negative length as "to the end of the string";
 * - `$week` counts weeks from the year's first Sunday (week 0 before it), like MongoDB (strftime %U);
 * - `$indexOfCP` exists, `$jsonSchema` works in queries (json-schema.ts);
 * - an operator mingo does not know answers DATABASE_INVALID_OPERRATOR.
 * The list of known differences and their status is devcloud/FIDELITY.md.
 */
import { Context } from 'mingo';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { Aggregator } from 'mingo/aggregator';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import { update as mingoUpdate, type Modifier } from 'mingo/updater';
import { resolve } from 'mingo/util';
import { isPlainObject } from '../protocol/ejson';
import { EngineError } from './errors';
import { compileJsonSchema, type JsonSchema } from './json-schema';
import type { Document, Filter, FindOptions, Pipeline, UpdateSpec } from './types';

/** `$mod` as MongoDB defines it: numeric values (or array elements) only. */
const $mod = (selector: string, divisorAndRemainder: unknown) => (doc: Document) => {
  if (!Array.isArray(divisorAndRemainder) || divisorAndRemainder.length !== 2) {
    throw new EngineError('DATABASE_REQUEST_FAILED', 'malformed mod, needs to be an array of two numbers');
  }
  const [divisor, remainder] = divisorAndRemainder as [number, number];
  const value = resolve(doc, selector, { unwrapArray: true });
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'number' && Math.trunc(v) % divisor === remainder);
};

/**
 * `$elemMatch` as MongoDB defines it: with field conditions (`{ value: 7 }`, `{ value: { $exists: true } }`) an
 * element matches only if it is a document satisfying them; mingo also tried plain values (`[1, 7]` matched).
 * Operator conditions on the elements themselves (`{ $gt: 5 }`) stay mingo's.
 */
const $elemMatch = (selector: string, criteria: unknown, options: Options) => {
  const fieldForm =
    isPlainObject(criteria) &&
    Object.keys(criteria).length > 0 &&
    Object.keys(criteria).some((key) => !key.startsWith('$') || key === '$and' || key === '$or' || key === '$nor');
  if (!fieldForm) return (queryOperators.$elemMatch as unknown as QueryOperatorFn)(selector, criteria, options);
  const query = new Query(toMingoCriteria(criteria), options);
  return (doc: Document) => {
    const value = resolve(doc, selector, { unwrapArray: true });
    return Array.isArray(value) && value.some((element) => isPlainObject(element) && query.test(element));
  };
};

type QueryOperatorFn = (selector: string, value: unknown, options: Options) => (doc: Document) => boolean;
type ExpressionOperatorFn = (obj: unknown, expr: unknown, options: Options) => unknown;
const mingoExpression = expressionOperators as unknown as Record<string, ExpressionOperatorFn>;

/** `$substrBytes` (and its alias `$substr`): a negative count means "to the end of the string", as in MongoDB. */
const $substrBytes: ExpressionOperatorFn = (obj, expr, options) => {
  if (Array.isArray(expr) && expr.length === 3) {
    const [s, index, count] = evalExpr(obj, expr, options) as unknown[];
    if (typeof s === 'string' && typeof count === 'number' && count < 0 && typeof index === 'number') {
      const rest = Math.max(0, Buffer.byteLength(s, 'utf8') - index);
      return mingoExpression.$substrBytes!(obj, [{ $literal: s }, index, rest], options);
    }
    return mingoExpression.$substrBytes!(obj, [{ $literal: s }, index, count], options);
  }
  return mingoExpression.$substrBytes!(obj, expr, options);
};

/**
 * `$week`: weeks begin on Sunday; week 1 starts on the year's first Sunday and the days before it are week 0
 * (MongoDB's definition, strftime %U). mingo counted ISO-like weeks (2019-05-14 → 20, MongoDB 19).
 */
const $week: ExpressionOperatorFn = (obj, expr, options) => {
  const dayOfYear = (mingoExpression.$dayOfYear!(obj, expr, options) as number) - 1;
  const weekday = (mingoExpression.$dayOfWeek!(obj, expr, options) as number) - 1; // 0 = Sunday
  return Math.floor((dayOfYear + 7 - weekday) / 7);
};

/** `$indexOfCP`: the code point index of the first occurrence in [start, end), -1 when absent, null for null. */
const $indexOfCP: ExpressionOperatorFn = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new Error('$indexOfCP requires 2 to 4 arguments');
  const [s, search, start = 0, end] = evalExpr(obj, expr, options) as unknown[];
  if (s === null || s === undefined) return null;
  if (typeof s !== 'string') throw new Error('$indexOfCP requires a string as the first argument');
  if (typeof search !== 'string') throw new Error('$indexOfCP requires a string as the second argument');
  if (!Number.isInteger(start) || (start as number) < 0) throw new Error('$indexOfCP starting index must be a non-negative integer');
  if (end !== undefined && (!Number.isInteger(end) || (end as number) < 0))
    throw new Error('$indexOfCP ending index must be a non-negative integer');
  const chars = [...s];
  const needle = [...search];
  const last = Math.min(end === undefined ? chars.length : (end as number), chars.length);
  for (let i = start as number; i + needle.length <= last; i++) {
    if (needle.every((c, j) => chars[i + j] === c)) return i;
  }
  return -1;
};

/** mingo merges contexts first-wins, so a corrected operator needs a context of our own. */
const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: { ...expressionOperators, $substr: $substrBytes, $substrBytes, $week, $indexOfCP } as unknown as typeof expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  // mingo's QueryOperator type is an intersection of every operator's signature; ours is a plain one.
  query: { ...queryOperators, $mod, $elemMatch } as unknown as typeof queryOperators,
  window: windowOperators,
});

/**
 * Functions in queries (`$where`, `$function`) are not part of the platform's query language. `$jsonSchema`
 * validates with json-schema.ts.
 */
export const MINGO_OPTIONS: Partial<Options> = {
  context: CONTEXT,
  scriptEnabled: false,
  jsonSchemaValidator: (schema) => {
    const validate = compileJsonSchema(schema as JsonSchema);
    return (doc) => validate(doc);
  },
};

export type DocumentPredicate = (doc: Document) => boolean;

export function compileFilter(filter: Filter): DocumentPredicate {
  const query = withMingoErrors(() => new Query(toMingoCriteria(filter), MINGO_OPTIONS));
  return (doc) => withMingoErrors(() => query.test(doc));
}

/** Sort, skip, limit and project documents that already passed the filter. */
export function shapeResults(matches: Document[], options: Omit<FindOptions, 'transactionId'>): Document[] {
  return withMingoErrors(() => {
    let cursor = new Query({}, MINGO_OPTIONS).find<Document>(matches, options.projection);
    if (options.sort && Object.keys(options.sort).length > 0) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    const results = cursor.all();
    // mingo's projection appends _id last; MongoDB always answers it first.
    return options.projection ? results.map(idFirst) : results;
  });
}

function idFirst(doc: Document): Document {
  if (!('_id' in doc)) return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

/** Runs a pipeline over documents the caller owns (they may be modified). */
export function runPipeline(docs: Document[], pipeline: Pipeline, resolveCollection: (name: string) => Document[]): Document[] {
  return withMingoErrors(() =>
    new Aggregator(pipeline.map(toMingoStage), { ...MINGO_OPTIONS, collectionResolver: resolveCollection }).run<Document>(docs),
  );
}

function toMingoStage(stage: Record<string, unknown>): Record<string, unknown> {
  return '$match' in stage && isPlainObject(stage.$match) ? { ...stage, $match: toMingoCriteria(stage.$match) } : stage;
}

/** Rewrites the parts of a query where mingo and MongoDB disagree (see the file comment). */
export function toMingoCriteria(filter: Filter): Filter {
  const out: Filter = {};
  for (const [key, condition] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(condition)) {
      out[key] = condition.map((part) => (isPlainObject(part) ? toMingoCriteria(part) : part));
    } else if (!key.startsWith('$') && isOperatorObject(condition)) {
      out[key] = rewriteOperators(condition);
    } else {
      out[key] = condition;
    }
  }
  return out;
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'));
}

function rewriteOperators(ops: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [op, operand] of Object.entries(ops)) {
    if ((op === '$gte' || op === '$lte') && operand === null) out.$eq = null;
    else if (op === '$not' && isOperatorObject(operand)) out.$not = rewriteOperators(operand);
    else out[op] = operand;
  }
  return out;
}

/** Update operators whose target path MongoDB creates when missing. */
const CREATING_OPERATORS = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate', '$setOnInsert']);
const NUMERIC_OPERATORS = new Set(['$inc', '$mul']);
const ARRAY_OPERATORS = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll']);

export function isOperatorUpdate(update: UpdateSpec): boolean {
  const keys = Object.keys(update);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

/**
 * Applies update operators to `doc` in place, MongoDB style; `filter` serves the positional `$` operator.
 * Returns whether anything changed.
 */
export function applyUpdate(doc: Document, update: UpdateSpec, filter: Filter): boolean {
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) throw new EngineError('DATABASE_REQUEST_FAILED', `Modifiers operate on fields but we found ${op} instead`);
    for (const [path, operand] of Object.entries(fields)) {
      assertApplicable(doc, op, path, operand);
      if (op === '$rename' && typeof operand === 'string') assertApplicable(doc, '$set', operand, undefined);
    }
  }
  const positional = Object.values(update).some((fields) => Object.keys(fields as object).some((path) => /(^|\.)\$(\.|$)/.test(path)));
  const changed = withMingoErrors(() =>
    mingoUpdate(doc, update as Modifier<Document>, undefined, positional ? toMingoCriteria(filter) : undefined, {
      cloneMode: 'deep',
      queryOptions: MINGO_OPTIONS,
    }),
  );
  return changed.length > 0;
}

function assertApplicable(doc: Document, op: string, path: string, operand: unknown): void {
  if (path === '_id' || path.startsWith('_id.')) {
    throw new EngineError('DATABASE_REQUEST_FAILED', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  const segments = path.split('.');
  /** MongoDB refuses to create `segments[at]` inside `element` (a scalar, null or an array). */
  const blocked = (element: unknown, at: number): void => {
    if (!CREATING_OPERATORS.has(op)) return; // $unset/$pull/… on a path that cannot exist change nothing
    throw new EngineError(
      'DATABASE_REQUEST_FAILED',
      `Cannot create field '${segments[at]}' in element {${segments[at - 1]}: ${describe(element)}}`,
    );
  };
  let current: unknown = doc;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.startsWith('$')) return; // positional paths are resolved by mingo against the query
    if (Array.isArray(current) && !/^\d+$/.test(segment)) return blocked(current, i);
    const next = (current as Record<string, unknown>)[segment];
    if (next === undefined) return; // the rest of the path will be created
    if (i === segments.length - 1) return assertLeaf(doc, op, path, next, operand);
    if (!isContainer(next)) return blocked(next, i + 1);
    current = next;
  }
}

function assertLeaf(doc: Document, op: string, path: string, leaf: unknown, operand: unknown): void {
  if (NUMERIC_OPERATORS.has(op) && (typeof leaf !== 'number' || typeof operand !== 'number')) {
    throw new EngineError(
      'DATABASE_REQUEST_FAILED',
      `Cannot apply ${op} to a value of non-numeric type. {_id: ${describe(doc._id)}} has the field '${path}' of non-numeric type ${describeType(leaf)}`,
    );
  }
  if (ARRAY_OPERATORS.has(op) && !Array.isArray(leaf)) {
    throw new EngineError(
      'DATABASE_REQUEST_FAILED',
      `The field '${path}' must be an array but is of type ${describeType(leaf)} in document {_id: ${describe(doc._id)}}`,
    );
  }
}

function isContainer(value: unknown): boolean {
  return Array.isArray(value) || isPlainObject(value);
}

function describe(value: unknown): string {
  return value instanceof Date ? value.toISOString() : (JSON.stringify(value) ?? String(value));
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** mingo throws plain Errors; the platform answers with codes. */
function withMingoErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof EngineError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const code = /unregistered|not registered|unknown|not supported|invalid operator/i.test(message)
      ? 'DATABASE_INVALID_OPERRATOR'
      : 'DATABASE_REQUEST_FAILED';
    throw new EngineError(code, message);
  }
}
