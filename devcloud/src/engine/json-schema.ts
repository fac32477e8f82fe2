import { isPlainObject } from '../protocol/ejson';

/**
 * The `$jsonSchema` query operator's validator (MongoDB: draft 4 with `bsonType`, no `$ref`/`format`). The keywords
 * MongoDB documents for `$jsonSchema` are implemented; an unknown keyword is an error, as MongoDB refuses it.
 */
export type JsonSchema = Record<string, unknown>;

const KNOWN = new Set([
  'bsonType',
  'type',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'dependencies',
  'title',
  'description',
]);

function bsonTypeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (value instanceof Date) return ['date'];
  if (value instanceof RegExp) return ['regex'];
  switch (typeof value) {
    case 'string':
      return ['string'];
    case 'boolean':
      return ['bool', 'boolean'];
    case 'number':
      return Number.isInteger(value) ? ['int', 'long', 'double', 'number', 'integer'] : ['double', 'number'];
    case 'object':
      return isPlainObject(value) ? ['object'] : [];
    default:
      return [];
  }
}

function typeMatches(value: unknown, wanted: unknown): boolean {
  const names = Array.isArray(wanted) ? wanted : [wanted];
  const actual = bsonTypeOf(value);
  return names.some((name) => typeof name === 'string' && actual.includes(name === 'boolean' ? 'bool' : name));
}

export function compileJsonSchema(schema: JsonSchema): (value: unknown) => boolean {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) throw new Error(`$jsonSchema keyword '${key}' is not currently supported`);
  }
  return (value) => validate(schema, value);
}

function validate(schema: JsonSchema, value: unknown): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a $jsonSchema document is whatever the query sent.
  const s = schema as Record<string, any>;
  if (s.bsonType !== undefined && !typeMatches(value, s.bsonType)) return false;
  if (s.type !== undefined && !typeMatches(value, s.type)) return false;
  if (s.enum !== undefined && !(s.enum as unknown[]).some((v) => JSON.stringify(v) === JSON.stringify(value))) return false;
  if (s.allOf && !(s.allOf as JsonSchema[]).every((sub) => validate(sub, value))) return false;
  if (s.anyOf && !(s.anyOf as JsonSchema[]).some((sub) => validate(sub, value))) return false;
  if (s.oneOf && (s.oneOf as JsonSchema[]).filter((sub) => validate(sub, value)).length !== 1) return false;
  if (s.not && validate(s.not as JsonSchema, value)) return false;
  if (typeof value === 'number') {
    if (s.minimum !== undefined && (s.exclusiveMinimum === true ? value <= s.minimum : value < s.minimum)) return false;
    if (s.maximum !== undefined && (s.exclusiveMaximum === true ? value >= s.maximum : value > s.maximum)) return false;
    if (s.multipleOf !== undefined && value % s.multipleOf !== 0) return false;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) return false;
    if (s.maxLength !== undefined && length > s.maxLength) return false;
    if (s.pattern !== undefined && !new RegExp(s.pattern as string, 'u').test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) return false;
    if (s.maxItems !== undefined && value.length > s.maxItems) return false;
    if (s.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return false;
    if (isPlainObject(s.items) && !value.every((item) => validate(s.items as JsonSchema, item))) return false;
    if (Array.isArray(s.items)) {
      const tuple = s.items as JsonSchema[];
      if (!tuple.every((sub, i) => i >= value.length || validate(sub, value[i]))) return false;
      if (s.additionalItems === false && value.length > tuple.length) return false;
      if (isPlainObject(s.additionalItems) && !value.slice(tuple.length).every((v) => validate(s.additionalItems as JsonSchema, v)))
        return false;
    }
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (s.required && !(s.required as string[]).every((key) => key in value)) return false;
    if (s.minProperties !== undefined && keys.length < s.minProperties) return false;
    if (s.maxProperties !== undefined && keys.length > s.maxProperties) return false;
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, JsonSchema>).map(
      ([p, sub]) => [new RegExp(p, 'u'), sub] as const,
    );
    for (const key of keys) {
      const own = properties[key];
      if (own && !validate(own, value[key])) return false;
      const byPattern = patterns.filter(([re]) => re.test(key));
      if (!byPattern.every(([, sub]) => validate(sub, value[key]))) return false;
      if (!own && byPattern.length === 0) {
        if (s.additionalProperties === false) return false;
        if (isPlainObject(s.additionalProperties) && !validate(s.additionalProperties as JsonSchema, value[key])) return false;
      }
    }
    if (isPlainObject(s.dependencies)) {
      for (const [key, dep] of Object.entries(s.dependencies as Record<string, unknown>)) {
        if (!(key in value)) continue;
        if (Array.isArray(dep) && !dep.every((k: string) => k in value)) return false;
        if (isPlainObject(dep) && !validate(dep, value)) return false;
      }
    }
  }
  return true;
}
