import { devIdentitySchema, type DevIdentity } from '@zbxx/contracts';
import { AppError } from './app-error';

export type { DevIdentity };

const answerSchema = devIdentitySchema.array();

/**
 * Dev-only endpoint of devcloud, `{ identities: [...] }` (not a cloud function, so it bypasses the function
 * transport). Only the h5 identity picker imports this.
 */
export async function fetchDevIdentities(fetch: typeof globalThis.fetch = globalThis.fetch): Promise<DevIdentity[]> {
  let body: unknown;
  try {
    const response = await fetch('/api/dev/identities');
    if (!response.ok) throw new AppError('SYSTEM.INTERNAL', `无法读取测试身份列表（HTTP ${response.status}）`);
    body = await response.json();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NETWORK.UNREACHABLE', '连接不到本地开发服务（devcloud），请确认它已启动');
  }
  const parsed = answerSchema.safeParse((body as { identities?: unknown } | null)?.identities);
  if (!parsed.success) throw new AppError('RESPONSE.INVALID');
  return parsed.data;
}
