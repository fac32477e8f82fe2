import fc from 'fast-check';

/**
 * Ways to spoil a valid request: one change at one node of its JSON tree. The fuzz suite keeps only the
 * results its contract rejects (after the JSON trip the platform makes), so each sent request is invalid in
 * exactly the way the mutation says.
 */

export type Path = readonly (string | number)[];

export interface Mutation {
  kind: 'replace' | 'wrongType' | 'remove' | 'extraKey' | 'oversize' | 'unicode';
  /** Index into the value's node paths (taken modulo their count). */
  at: number;
  payload: unknown;
}

/** Values that have broken servers: operator injection, prototype keys, number extremes, odd text. */
export const HOSTILE_VALUES: readonly unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $where: 'sleep(1000)' },
  { $exists: true },
  [{ $ne: null }],
  { _id: { $ne: null } },
  null,
  true,
  0,
  -1,
  -0,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFFabc',
  '\u202Eabc',
  'a\u200Bb',
  '😀'.repeat(40),
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  [],
  {},
  [[[[]]]],
];

/** Characters that text handling gets wrong: lone surrogates, direction overrides, zero-width, 4-byte, NUL. */
export const UNICODE_EDGES = [
  '\uD800',
  '\uDC00',
  '\u202E',
  '\u202D',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '😀',
  '𠮷',
  '\u0000',
  '\u0301',
  '\n',
  '\u2028',
];

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const EXTRA_KEYS = [...PROTOTYPE_KEYS, '$where', '$set', 'toString', 'hasOwnProperty', 'x', 'k'.repeat(5000)];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), payload: fc.constantFrom(...HOSTILE_VALUES) }),
  fc.record({ kind: fc.constant('wrongType' as const), at: fc.nat(), payload: fc.nat(5) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), payload: fc.constant(null) }),
  fc.record({
    kind: fc.constant('extraKey' as const),
    at: fc.nat(),
    payload: fc.record({ key: fc.constantFrom(...EXTRA_KEYS), value: fc.constantFrom(...HOSTILE_VALUES) }),
  }),
  fc.record({ kind: fc.constant('oversize' as const), at: fc.nat(), payload: fc.constantFrom(101, 1_001, 70_000, 1_100_000) }),
  fc.record({
    kind: fc.constant('unicode' as const),
    at: fc.nat(),
    payload: fc.record({ chars: fc.array(fc.constantFrom(...UNICODE_EDGES), { minLength: 1, maxLength: 4 }), position: fc.nat() }),
  }),
);

/** Every node of a JSON-like value, the root first. */
export function nodePaths(value: unknown, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...nodePaths(item, [...path, i])));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) paths.push(...nodePaths(item, [...path, key]));
  return paths;
}

/** Sets an own property, even `__proto__` (a plain assignment would change the prototype instead). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, clone(item));
    return copy as T;
  }
  return value;
}

const TYPE_SWAPS: readonly ((v: unknown) => unknown)[] = [
  (v) => (typeof v === 'string' ? 42 : String(v)),
  (v) => (typeof v === 'boolean' ? 'true' : false),
  (v) => (Array.isArray(v) ? { 0: v[0] ?? null } : [v]),
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? 'object' : { value: v }),
  () => null,
  (v) => (typeof v === 'number' ? String(v) : 1),
];

function oversized(value: unknown, size: number): unknown {
  if (typeof value === 'string') return value + 'x'.repeat(size);
  if (Array.isArray(value)) return Array.from({ length: Math.min(size, 5_000) }, (_, i) => value[i % Math.max(1, value.length)] ?? 'x');
  if (value !== null && typeof value === 'object') {
    const copy = clone(value) as Record<string, unknown>;
    for (let i = 0; i < Math.min(size, 300); i += 1) setOwn(copy, `k${i}`, 'x');
    return copy;
  }
  if (typeof value === 'number') return value * 10 ** Math.min(308, String(size).length * 50);
  return 'x'.repeat(size);
}

function withUnicode(value: unknown, payload: { chars: string[]; position: number }): unknown {
  const text = typeof value === 'string' ? value : String(value);
  const at = payload.position % (text.length + 1);
  return text.slice(0, at) + payload.chars.join('') + text.slice(at);
}

/** The value with one mutation applied (the input is left untouched). */
export function applyMutation(value: unknown, mutation: Mutation): unknown {
  const paths = nodePaths(value);
  const path = paths[mutation.at % paths.length]!;
  const root = clone(value);
  const replaceAt = (make: (current: unknown) => unknown): unknown => {
    if (path.length === 0) return make(root);
    let parent: unknown = root;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const last = path[path.length - 1]!;
    const container = parent as Record<string | number, unknown>;
    if (Array.isArray(container)) container[last as number] = make(container[last as number]);
    else setOwn(container, String(last), make(container[last]));
    return root;
  };
  switch (mutation.kind) {
    case 'replace':
      return replaceAt(() => clone(mutation.payload));
    case 'wrongType':
      return replaceAt((current) => TYPE_SWAPS[(mutation.payload as number) % TYPE_SWAPS.length]!(current));
    case 'oversize':
      return replaceAt((current) => oversized(current, mutation.payload as number));
    case 'unicode':
      return replaceAt((current) => withUnicode(current, mutation.payload as { chars: string[]; position: number }));
    case 'remove': {
      if (path.length === 0) return undefined;
      let parent: unknown = root;
      for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
      const last = path[path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, unknown>)[String(last)];
      return root;
    }
    case 'extraKey': {
      const { key, value: extra } = mutation.payload as { key: string; value: unknown };
      return replaceAt((current) => {
        const target =
          current !== null && typeof current === 'object' && !Array.isArray(current)
            ? (current as Record<string, unknown>)
            : { value: current };
        setOwn(target, key, clone(extra));
        return target;
      });
    }
  }
}
