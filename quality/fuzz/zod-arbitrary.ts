import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries of VALID values of a zod (v4) schema, read from the schema's definition: the
 * contracts stay the one source of what a request may hold. Leaves are generated from their constraints
 * (length, bounds, regex, enum) and then checked against the leaf schema itself, so refinements we do not
 * model (trim, custom checks) still hold. Unknown schema kinds throw: a contract using one must be taught here,
 * not silently fuzzed with junk.
 */

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [key: string]: unknown;
}

const defOf = (schema: z.ZodTypeAny): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);

/** Short, readable text: Chinese, Latin, digits, a space. */
const TEXT_UNIT = fc.constantFrom(...'党支部学习主题活动abcXYZ019 -_');

/** Sizes kept small: valid values are only the starting point of mutations. */
const SMALL = 3;

function lengthBounds(checks: CheckDef[]): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checks) {
    if (c.check === 'min_length' && c.minimum !== undefined) min = Math.max(min, c.minimum);
    if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(max, c.maximum);
    if (c.check === 'length_equals' && c.value !== undefined) min = max = c.value;
  }
  return { min, max };
}

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const { min, max } = lengthBounds(checks);
  const format = checks.find((c) => c.check === 'string_format');
  if (format?.format === 'datetime') {
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  const text = fc.string({ unit: TEXT_UNIT, minLength: min, maxLength: Math.max(min, Math.min(max, 12)) });
  const pattern = format?.pattern;
  // Unicode-class patterns here only forbid control characters (names), which plain text satisfies; fast-check
  // builds those classes slowly. A case-insensitive pattern is matched in its lowercase form.
  if (!pattern || pattern.flags.includes('u')) return text;
  return fc.oneof(text, fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('i', '')), { size: 'small' }));
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  let min = -1e6;
  let max = 1e6;
  for (const c of checks) {
    if (c.check === 'greater_than' && c.value !== undefined) min = Math.max(min, c.value);
    if (c.check === 'less_than' && c.value !== undefined) max = Math.min(max, c.value);
  }
  const integer = checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'));
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Whether an object key may be left out. */
function isOmittable(schema: z.ZodTypeAny): boolean {
  const { type } = defOf(schema);
  return type === 'optional' || type === 'default';
}

export function zodArbitrary(schema: z.ZodTypeAny): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const leaf = (arb: fc.Arbitrary<unknown>) => arb.filter((v) => schema.safeParse(v).success);
  switch (def.type) {
    case 'string':
      return leaf(stringArbitrary(def));
    case 'number':
      return leaf(numberArbitrary(def));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
    case 'default':
      return fc.option(zodArbitrary(def.innerType as z.ZodTypeAny), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(zodArbitrary(def.innerType as z.ZodTypeAny), { nil: null, freq: 3 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodTypeAny[]).map(zodArbitrary));
    case 'pipe':
      return zodArbitrary(def.in as z.ZodTypeAny);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'array': {
      const { min, max } = lengthBounds(checksOf(def));
      return leaf(fc.array(zodArbitrary(def.element as z.ZodTypeAny), { minLength: min, maxLength: Math.max(min, Math.min(max, SMALL)) }));
    }
    case 'record':
      return leaf(
        fc.dictionary(zodArbitrary(def.keyType as z.ZodTypeAny) as fc.Arbitrary<string>, zodArbitrary(def.valueType as z.ZodTypeAny), {
          maxKeys: SMALL,
        }),
      );
    case 'object': {
      const shape = def.shape as Record<string, z.ZodTypeAny>;
      const requiredKeys = Object.keys(shape).filter((key) => !isOmittable(shape[key]!));
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [
          key,
          isOmittable(field) ? zodArbitrary(defOf(field).innerType as z.ZodTypeAny) : zodArbitrary(field),
        ]),
      );
      return leaf(fc.record(fields, { requiredKeys }));
    }
    default:
      throw new Error(`zodArbitrary: no arbitrary for zod type "${def.type}"`);
  }
}
