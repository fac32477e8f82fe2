import { z } from 'zod';

/** Node kinds of the org tree: county 组织部 → 党委/党工委 → 党总支 → 党支部. */
export const ORG_TYPES = ['county', 'committee', 'general', 'branch'] as const;
export const orgTypeSchema = z.enum(ORG_TYPES);
export type OrgType = z.infer<typeof orgTypeSchema>;

export const ROLES = ['member', 'secretary', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Database ids: what the platform generates (32 hex) or what we assign (slug-like). */
export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** YYYY-MM, the month a plan or statistic belongs to (Asia/Shanghai). */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * Text people type and others read (reasons, themes, places, titles). Format characters (zero-width spaces,
 * bidi overrides, soft hyphens) are invisible and often come along when text is pasted from a chat: dropped,
 * so what the secretary reads is what was typed. Control, surrogate and private-use characters are refused.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const ONE_LINE = /^[^\p{C}]*$/u;
const LINES = /^(?:[^\p{C}]|[\t\n\r])*$/u;
export function plainText(max: number, { min = 0, multiline = false }: { min?: number; multiline?: boolean } = {}) {
  const text = z.string().overwrite((value) => value.replace(FORMAT_CHARACTERS, ''));
  return (multiline ? text : text.trim())
    .min(min)
    .max(max)
    .regex(multiline ? LINES : ONE_LINE, { message: '不能包含控制字符' });
}

/** A person's name as written on the roster: trimmed, no control characters. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[^\p{C}<>]+$/u);

export const orgRefSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: orgTypeSchema,
});
export type OrgRef = z.infer<typeof orgRefSchema>;
