import * as z from 'zod';

/** Node kinds of the org tree: county 组织部 → 党委/党工委 → 党总支 → 党支部. */
export const ORG_TYPES = ['county', 'committee', 'general', 'branch'] as const;
export const orgTypeSchema = z.enum(ORG_TYPES);
export type OrgType = z.infer<typeof orgTypeSchema>;

export const ROLES = ['member', 'secretary', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Database ids: what the platform generates (32 hex) or what we assign (slug-like). */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** YYYY-MM, the month a plan or statistic belongs to (Asia/Shanghai). */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * Text people type and others read (reasons, themes, places, titles, names). Format characters (zero-width
 * spaces, bidi overrides, soft hyphens) are invisible and often come along when text is pasted from a chat:
 * dropped, so what the secretary reads is what was typed. Control, private-use and lone surrogate characters
 * (invalid in an .xlsx's XML) are refused. The classes are written out rather than as `\p{C}`: the mini-program
 * build expands property escapes into ~10 KB character classes each, for old phones.
 */
const FORMAT_CHARACTERS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF]/;
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001F\u007F-\u009F\uE000-\uF8FF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HIDDEN_MESSAGE = '不能包含控制字符';

export function plainText(max: number, { min = 0, multiline = false }: { min?: number; multiline?: boolean } = {}) {
  const text = z.string().overwrite((value) => value.replace(FORMAT_CHARACTERS, ''));
  return (multiline ? text : text.trim())
    .min(min)
    .max(max)
    .refine((value) => !(multiline ? CONTROL : CONTROL_OR_LINE_BREAK).test(value) && !LONE_SURROGATE.test(value), {
      message: HIDDEN_MESSAGE,
    });
}

/** A person's name as written on the roster: trimmed, no control characters. */
export const personNameSchema = plainText(20, { min: 1 }).regex(/^[^<>]+$/);

export const orgRefSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: orgTypeSchema,
});
export type OrgRef = z.infer<typeof orgRefSchema>;
