/**
 * `$project`, `$addFields` and `$group` (with `$sum`) evaluated by closures compiled once per stage, for the
 * expression operators the stats pipelines use. mingo interprets every expression anew for every document
 * (operator lookups, option objects, variable scopes copied per reference): a county roll-up of 20,000 members
 * spent most of its seconds there. Each operator below does what mingo's does (same helpers for equality,
 * ordering, sets and paths), so answers stay mingo's; compiled-stages.test.ts runs both on the same inputs.
 *
 * A stage with anything else (another operator, a dotted field, an exclusion, a system variable, a field, key or
 * variable named like an Object.prototype member) is not compiled; an input the fast path doesn't handle (an
 * error case, an undefined result, `$sum` over an array element) throws `NotCompiled` (any error does the same)
 * and the caller runs that stage with mingo instead, which answers or fails its own way: the compiled stages
 * never modify their input.
 */
import * as mingoUtil from 'mingo/util';
import type { Document } from './types';

// Bound once: each `mingoUtil.x` read goes through two CommonJS re-export getters, a cost on every call.
const {
  compare,
  ensureArray,
  flatten,
  groupBy,
  HashMap,
  intersection,
  isArray,
  isEqual,
  isInteger,
  isNil,
  isNumber,
  isObject,
  isOperator,
  resolve,
  typeOf,
  unique,
} = mingoUtil;

/** Thrown when an input leaves the compiled path: the stage then runs with mingo. */
export class NotCompiled extends Error {}

/** Bound variables, innermost first (mingo's precedence: a binding hides the outer ones of its name). */
interface Vars {
  name: string;
  value: unknown;
  outer: Vars | null;
}
/** root: the document; current: mingo's `obj` (the `$$this` default, an element inside `$reduce`). */
type Fn = (root: Document, current: unknown, vars: Vars | null) => unknown;

const bind = (outer: Vars | null, name: string, value: unknown): Vars => ({ name, value, outer });
export type CompiledStage = (docs: Document[]) => Document[];

const hasOwn = Object.prototype.hasOwnProperty;

const bail = (): never => {
  throw new NotCompiled();
};

// mingo's truthy in strict mode: the empty string is true.
const truthy = (value: unknown): boolean => !!value || value === '';

function eq(a: unknown, b: unknown): boolean {
  if (isEqual(a, b)) return true;
  if (isNil(a) && isNil(b)) return true;
  if (isArray(a)) return a.some((v) => isEqual(v, b)) || flatten(a, 1).some((v) => isEqual(v, b));
  return false;
}

const ordered =
  (test: (order: number) => boolean) =>
  (a: unknown, b: unknown): boolean => {
    for (const v of ensureArray(a)) if (typeOf(v) === typeOf(b) && test(compare(v, b))) return true;
    return false;
  };

const COMPARISONS: Record<string, (a: unknown, b: unknown) => boolean> = {
  $eq: eq,
  $ne: (a, b) => !eq(a, b),
  $lt: ordered((o) => o < 0),
  $lte: ordered((o) => o <= 0),
  $gt: ordered((o) => o > 0),
  $gte: ordered((o) => o >= 0),
};

const SYSTEM_VARIABLES = new Set(['ROOT', 'CURRENT', 'REMOVE', 'NOW', 'KEEP', 'PRUNE', 'DESCEND']);

// Object.prototype's names (`constructor`, `toString`, `__proto__`…): a field, key or variable so named is left to
// mingo, since reading `obj[name]` finds the prototype's member and assigning `__proto__` swaps the prototype.
const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
// A field name read as `obj[name]` gives what mingo's `resolve` gives: not an index, not an Object.prototype name.
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const isPlainName = (name: string) => PLAIN_NAME.test(name) && !PROTO_NAMES.has(name);

/** A compiled expression, or null when it uses something this file does not compile. */
function compile(expr: unknown): Fn | null {
  if (typeof expr === 'string' && expr.startsWith('$')) return compilePath(expr);
  if (isArray(expr)) return compileArray(expr);
  if (isObject(expr)) {
    const keys = Object.keys(expr);
    if (keys.length > 0 && isOperator(keys[0]!))
      return keys.length === 1 ? compileOperator(keys[0]!, (expr as Record<string, unknown>)[keys[0]!]) : null;
    if (keys.some((key) => PROTO_NAMES.has(key))) return null;
    const fields = keys.map((key) => [key, compile((expr as Record<string, unknown>)[key])] as const);
    if (fields.some(([, fn]) => fn === null)) return null;
    return (root, current, vars) => {
      const out: Record<string, unknown> = {};
      for (const [key, fn] of fields) out[key] = fn!(root, current, vars);
      return out;
    };
  }
  return () => expr;
}

function compileArray(items: readonly unknown[]): ((root: Document, current: unknown, vars: Vars | null) => unknown[]) | null {
  const fns = items.map(compile);
  if (fns.some((fn) => fn === null)) return null;
  return (root, current, vars) => fns.map((fn) => fn!(root, current, vars));
}

function compilePath(expr: string): Fn | null {
  if (expr === '$') return null;
  if (!expr.startsWith('$$')) {
    const path = expr.slice(1);
    // A document is an object: mingo's resolve of a plain name is a property read.
    if (isPlainName(path)) return (root) => root[path];
    return (root) => resolve(root, path);
  }
  const dot = expr.indexOf('.');
  const name = dot === -1 ? expr.slice(2) : expr.slice(2, dot);
  if (SYSTEM_VARIABLES.has(name) || name.length === 0) return null;
  const rest = dot === -1 ? '' : expr.slice(dot + 1);
  const valueOf = (current: unknown, vars: Vars | null): unknown => {
    for (let scope = vars; scope; scope = scope.outer) if (scope.name === name) return scope.value;
    return name === 'this' ? current : bail();
  };
  if (rest === '') return (_root, current, vars) => resolve({ [name]: valueOf(current, vars) }, name);
  if (isPlainName(rest) && isPlainName(name)) {
    // As resolve walks `name.rest`: through an array element-wise (left to resolve), nothing in a scalar.
    return (_root, current, vars) => {
      const value = valueOf(current, vars);
      if (isArray(value)) return resolve({ [name]: value }, `${name}.${rest}`);
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
      return (value as Record<string, unknown>)[rest];
    };
  }
  return (_root, current, vars) => resolve({ [name]: valueOf(current, vars) }, `${name}.${rest}`);
}

/** `{ input, … }` style operands: the keys given must be among `allowed` and include `required`. */
function hasKeys(operand: unknown, required: readonly string[], allowed: readonly string[]): operand is Record<string, unknown> {
  if (!isObject(operand)) return false;
  const keys = Object.keys(operand);
  return required.every((key) => keys.includes(key)) && keys.every((key) => allowed.includes(key));
}

function compileOperator(op: string, operand: unknown): Fn | null {
  const comparison = COMPARISONS[op];
  if (comparison) {
    if (!isArray(operand) || operand.length !== 2) return null;
    const [left, right] = operand.map(compile);
    if (!left || !right) return null;
    return (root, current, vars) => comparison(left(root, current, vars), right(root, current, vars));
  }
  switch (op) {
    case '$literal':
      return () => operand;
    case '$ifNull': {
      if (!isArray(operand)) return null;
      const parts = operand.map(compile);
      if (parts.some((fn) => fn === null)) return null;
      return (root, current, vars) => {
        let value: unknown;
        for (const fn of parts) {
          value = fn!(root, current, vars);
          if (!isNil(value)) return value;
        }
        return value;
      };
    }
    case '$cond': {
      let parts: unknown[];
      if (isArray(operand) && operand.length === 3) parts = operand;
      else if (isObject(operand)) parts = [operand.if, operand.then, operand.else];
      else return null;
      const [test, yes, no] = parts.map(compile);
      if (!test || !yes || !no) return null;
      return (root, current, vars) => (truthy(test(root, current, vars)) ? yes : no)(root, current, vars);
    }
    case '$switch': {
      if (!isObject(operand) || !isArray(operand.branches)) return null;
      const branches = (operand.branches as unknown[]).map((branch) =>
        isObject(branch) ? [compile(branch.case), compile(branch.then)] : [null, null],
      );
      const otherwise = compile(operand.default);
      if (!otherwise || branches.some(([test, then]) => !test || !then)) return null;
      return (root, current, vars) => {
        for (const [test, then] of branches) if (truthy(test!(root, current, vars))) return then!(root, current, vars);
        return otherwise(root, current, vars);
      };
    }
    case '$and':
    case '$or': {
      if (!isArray(operand)) return null;
      const parts = operand.map(compile);
      if (parts.some((fn) => fn === null)) return null;
      return op === '$and'
        ? (root, current, vars) => parts.every((fn) => truthy(fn!(root, current, vars)))
        : (root, current, vars) => parts.some((fn) => truthy(fn!(root, current, vars)));
    }
    case '$not': {
      const parts = ensureArray(operand);
      if (parts.length !== 1) return null;
      const fn = compile(parts[0]);
      return fn && ((root, current, vars) => !fn(root, current, vars));
    }
    case '$in': {
      if (!isArray(operand) || operand.length !== 2) return null;
      const args = compileArray(operand);
      if (!args) return null;
      return (root, current, vars) => {
        const [item, values] = args(root, current, vars);
        if (!isArray(values)) return bail();
        for (const v of values) if (isEqual(v, item)) return true;
        return false;
      };
    }
    case '$size': {
      const fn = compile(operand);
      if (!fn) return null;
      return (root, current, vars) => {
        const value = fn(root, current, vars);
        if (isNil(value)) return null;
        return isArray(value) ? value.length : bail();
      };
    }
    case '$concatArrays':
    case '$setUnion': {
      const fn = compile(operand);
      if (!fn) return null;
      const listed = isArray(operand);
      return (root, current, vars) => {
        const args = fn(root, current, vars);
        if (isNil(args)) return null;
        if (!isArray(args)) return bail();
        if (op === '$setUnion') {
          if (!listed) return unique(args);
          if (!args.every(isArray)) return bail();
          return unique(flatten(args));
        }
        const out: unknown[] = [];
        for (const arr of args) {
          if (isNil(arr)) return null;
          if (!isArray(arr)) return bail();
        }
        for (const arr of args as unknown[][]) for (const item of arr) out.push(item);
        return out;
      };
    }
    case '$setIntersection':
    case '$setDifference': {
      if (!isArray(operand) || (op === '$setDifference' && operand.length !== 2)) return null;
      const args = compileArray(operand);
      if (!args) return null;
      return (root, current, vars) => {
        const values = args(root, current, vars);
        let ok = true;
        for (const v of values) {
          if (isNil(v)) return null;
          ok &&= isArray(v);
        }
        if (!ok) return bail();
        if (op === '$setIntersection') return intersection(values as unknown[][]);
        const kept = HashMap.init<unknown, boolean>();
        for (const v of values[0] as unknown[]) kept.set(v, true);
        for (const v of values[1] as unknown[]) kept.delete(v);
        return Array.from(kept.keys());
      };
    }
    case '$arrayElemAt': {
      if (!isArray(operand) || operand.length !== 2) return null;
      const args = compileArray(operand);
      if (!args) return null;
      return (root, current, vars) => {
        const values = args(root, current, vars);
        if (values.some(isNil)) return null;
        const [arr, index] = values as [unknown, number];
        if (!isArray(arr) || !isInteger(index)) return bail();
        if (index < 0 && Math.abs(index) <= arr.length) return arr[(index + arr.length) % arr.length];
        if (index >= 0 && index < arr.length) return arr[index];
        return undefined;
      };
    }
    case '$divide': {
      if (!isArray(operand)) return null;
      const args = compileArray(operand);
      if (!args) return null;
      return (root, current, vars) => {
        const values = args(root, current, vars);
        let numbers = true;
        for (const v of values) {
          if (isNil(v)) return null;
          numbers &&= isNumber(v);
        }
        if (!numbers || values[1] === 0) return bail();
        return (values[0] as number) / (values[1] as number);
      };
    }
    case '$sum': {
      // Not an expression operator in mingo: the accumulator over the operand's (array) value; but when mingo's
      // `obj` is itself an array (an element of `$reduce` over arrays of arrays), mingo sums the operand
      // evaluated against each of that array's elements instead: left to mingo.
      const fn = compile(operand);
      if (!fn) return null;
      return (root, current, vars) => {
        if (isArray(current)) return bail();
        const values = fn(root, current, vars);
        if (!isArray(values)) return bail();
        let sum = 0;
        for (const v of values) if (isNumber(v)) sum += v;
        return sum;
      };
    }
    case '$let': {
      if (!hasKeys(operand, ['vars', 'in'], ['vars', 'in']) || !isObject(operand.vars)) return null;
      if (Object.keys(operand.vars).some((name) => PROTO_NAMES.has(name))) return null;
      const defs = Object.entries(operand.vars as Record<string, unknown>).map(([name, def]) => [name, compile(def)] as const);
      const body = compile(operand.in);
      if (!body || defs.some(([, fn]) => !fn)) return null;
      return (root, current, vars) => {
        let scope = vars;
        for (const [name, fn] of defs) scope = bind(scope, name, fn!(root, current, vars));
        return body(root, current, scope);
      };
    }
    case '$filter':
    case '$map': {
      const body = op === '$filter' ? 'cond' : 'in';
      if (!hasKeys(operand, ['input', body], ['input', body, 'as'])) return null;
      if (operand.as !== undefined && (typeof operand.as !== 'string' || PROTO_NAMES.has(operand.as))) return null;
      const name = (operand.as as string | undefined) || 'this';
      const input = compile(operand.input);
      const each = compile(operand[body]);
      if (!input || !each) return null;
      return (root, current, vars) => {
        const items = input(root, current, vars);
        if (isNil(items)) return null;
        if (!isArray(items)) return bail();
        const out: unknown[] = [];
        for (const item of items) {
          const value = each(root, current, bind(vars, name, item));
          if (op === '$map') out.push(value);
          else if (truthy(value)) out.push(item);
        }
        return out;
      };
    }
    case '$reduce': {
      if (!hasKeys(operand, ['input', 'initialValue', 'in'], ['input', 'initialValue', 'in'])) return null;
      const [input, initial, each] = [compile(operand.input), compile(operand.initialValue), compile(operand.in)];
      if (!input || !initial || !each) return null;
      return (root, current, vars) => {
        const items = input(root, current, vars);
        let result = initial(root, current, vars);
        if (isNil(items)) return null;
        if (!isArray(items)) return bail();
        for (const item of items) result = each(root, item, bind(vars, 'value', result));
        return result;
      };
    }
    default:
      return null;
  }
}

const isTopLevelName = (field: string) => field.length > 0 && !field.includes('.') && !field.startsWith('$') && !PROTO_NAMES.has(field);

/** `$addFields` / `$set` of top-level fields: each evaluated against the input document. */
function compileAddFields(spec: Record<string, unknown>): CompiledStage | null {
  const fields = Object.entries(spec).map(([field, expr]) => [field, isTopLevelName(field) ? compile(expr) : null] as const);
  if (fields.length === 0 || fields.some(([, fn]) => !fn)) return null;
  return (docs) =>
    docs.map((doc) => {
      const out: Document = { ...doc };
      for (const [field, fn] of fields) {
        const value = fn!(doc, doc, null);
        if (value === undefined) delete out[field];
        else out[field] = value;
      }
      return out;
    });
}

/**
 * An inclusion `$project` of top-level fields (`1`/`true`) and computed ones; `_id` kept unless named. The
 * output's fields come in mingo's order: the spec's names sorted (`_id` among them when named), then `_id`.
 */
function compileProject(spec: Record<string, unknown>): CompiledStage | null {
  const fields: [string, Fn | 'include'][] = [];
  for (const field of Object.keys(spec).sort()) {
    const value = spec[field];
    if (!isTopLevelName(field)) return null;
    if (value === 1 || value === true) fields.push([field, 'include']);
    else if (
      (typeof value === 'string' && value.startsWith('$')) ||
      (isObject(value) &&
        Object.keys(value).length === 1 &&
        isOperator(Object.keys(value)[0]!) &&
        !['$elemMatch', '$slice'].includes(Object.keys(value)[0]!))
    ) {
      const fn = compile(value);
      if (!fn) return null;
      fields.push([field, fn]);
    } else return null;
  }
  if (fields.length === 0) return null;
  return (docs) =>
    docs.map((doc) => {
      const out: Document = {};
      for (const [field, how] of fields) {
        if (how === 'include') {
          const value = hasOwn.call(doc, field) ? doc[field] : undefined;
          if (value !== undefined) out[field] = value;
        } else {
          const value = how(doc, doc, null);
          if (value === undefined) bail();
          out[field] = value;
        }
      }
      if (!hasOwn.call(out, '_id') && hasOwn.call(doc, '_id')) out._id = doc._id;
      return out;
    });
}

/** `$group` whose every field is a `$sum`: groups in mingo's order, sums its way (numbers only). */
function compileGroup(spec: Record<string, unknown>): CompiledStage | null {
  if (!hasOwn.call(spec, '_id')) return null;
  const key = compile(spec._id);
  if (!key) return null;
  const sums: [string, Fn | number][] = [];
  for (const [field, acc] of Object.entries(spec)) {
    if (field === '_id') continue;
    if (!isTopLevelName(field) || !isObject(acc) || Object.keys(acc).length !== 1 || !('$sum' in acc)) return null;
    const operand = (acc as { $sum: unknown }).$sum;
    if (isNumber(operand)) sums.push([field, operand]);
    else {
      if (isNil(operand)) return null;
      const fn = compile(operand);
      if (!fn) return null;
      sums.push([field, fn]);
    }
  }
  return (docs) => {
    const groups = groupBy(docs, (doc) => key(doc as Document, doc, null));
    const out: Document[] = [];
    for (const [groupId, members] of groups as Map<unknown, Document[]>) {
      const row: Document = {};
      if (groupId !== undefined) row._id = groupId;
      for (const [field, how] of sums) {
        if (typeof how === 'number') row[field] = members.length * how;
        else {
          let sum = 0;
          for (const doc of members) {
            const value = how(doc, doc, null);
            if (isNumber(value)) sum += value;
          }
          row[field] = sum;
        }
      }
      out.push(row);
    }
    return out;
  };
}

/** The compiled form of a stage, or null to leave it to mingo. */
export function compileStage(stage: Record<string, unknown>): CompiledStage | null {
  const keys = Object.keys(stage);
  if (keys.length !== 1) return null;
  const spec = stage[keys[0]!];
  if (!isObject(spec)) return null;
  switch (keys[0]) {
    case '$addFields':
    case '$set':
      return compileAddFields(spec as Record<string, unknown>);
    case '$project':
      return compileProject(spec as Record<string, unknown>);
    case '$group':
      return compileGroup(spec as Record<string, unknown>);
    default:
      return null;
  }
}
