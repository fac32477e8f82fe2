import * as z from 'zod';

/**
 * One entry of the dev identity picker (`GET /api/dev/identities`, h5 only, never in the weapp build): a demo
 * OPENID to act as, with enough description to choose it. devcloud's
 * `DevIdentity` (devcloud/src/server/dev-endpoints.ts) is the structural subset it serves.
 */
export const devIdentitySchema = z.object({
  openid: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'secretary', 'member', 'pending', 'unbound']),
  orgName: z.string(),
  /** What this identity is good for, e.g. "城关镇东关社区党支部书记". */
  description: z.string(),
});
export type DevIdentity = z.infer<typeof devIdentitySchema>;
