import * as z from 'zod';
import { HIDDEN_CHARACTER_MESSAGE, hasRefusedCharacter, withoutFormatCharacters } from './text-policy';

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

/** Text people type and others read: the text policy (text-policy.ts) applied, trimmed unless multiline. */
export function plainText(max: number, { min = 0, multiline = false }: { min?: number; multiline?: boolean } = {}) {
  const text = z.string().overwrite(withoutFormatCharacters);
  return (multiline ? text : text.trim())
    .min(min)
    .max(max)
    .refine((value) => !hasRefusedCharacter(value, { multiline }), { message: HIDDEN_CHARACTER_MESSAGE });
}

/** A person's name as written on the roster: trimmed, no control characters. */
export const personNameSchema = plainText(20, { min: 1 }).regex(/^[^<>]+$/);

export const orgRefSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: orgTypeSchema,
});
export type OrgRef = z.infer<typeof orgRefSchema>;
