import { encodeEjson } from '../protocol/ejson';

/**
 * The values a dotted path reaches in a document the way MongoDB's matcher and multikey indexes see them:
 * arrays along the path fan out over their elements, a numeric segment also addresses an array position,
 * and an array at the end contributes its elements. Missing paths reach nothing.
 */
export function valuesAtPath(doc: unknown, segments: readonly string[]): unknown[] {
  const out: unknown[] = [];
  collect(doc, segments, 0, out);
  return out;
}

function collect(value: unknown, segments: readonly string[], depth: number, out: unknown[]): void {
  if (value === undefined) return;
  if (depth === segments.length) {
    if (Array.isArray(value)) out.push(...value);
    else out.push(value);
    return;
  }
  const segment = segments[depth]!;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(segment)) collect(value[Number(segment)], segments, depth + 1, out);
    for (const element of value) {
      if (isTraversable(element)) collect(element, segments, depth, out);
    }
    return;
  }
  if (isTraversable(value)) collect((value as Record<string, unknown>)[segment], segments, depth + 1, out);
}

function isTraversable(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp);
}

/**
 * A string that is equal for two values exactly when MongoDB's equality says so for scalars
 * (1 and 1.0 are one number; a Date is its instant). Objects and arrays key by their canonical EJSON.
 */
export function equalityKey(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value === 0 ? 0 : value}`;
    case 'boolean':
      return `b${value}`;
    default:
      if (value instanceof Date) return `d${value.getTime()}`;
      return `o${encodeEjson(value)}`;
  }
}

/** Values an equality lookup can use: scalars whose MongoDB equality is plain key equality. */
export function isIndexableScalar(value: unknown): value is string | number | boolean | Date {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;
}
