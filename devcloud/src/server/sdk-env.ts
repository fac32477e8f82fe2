/**
 * The environment that points an unmodified wx-server-sdk at devcloud (TOOLCHAIN.md):
 * - TCB_CONTEXT_CNFG.URL replaces the service URL for every request;
 * - TENCENTCLOUD_SECRETID is this run's devcloud token: the SDK signs every request with it in plain sight
 *   (`Authorization: … Credential=<SecretId>/…`), which is how `/admin` knows the caller is no web page
 *   (local-guard.ts); a dummy SECRETKEY, because without credentials the SDK rejects before sending;
 * - TENCENTCLOUD=true skips the metadata-host probe the SDK otherwise makes on every request;
 * - TCB_ENV is what `cloud.DYNAMIC_CURRENT_ENV` resolves to, but node-sdk reads only the variables it
 *   knows plus those named in TCB_CONTEXT_KEYS (as the platform sets it), so TCB_ENV is named there.
 */
export function sdkEnvFor(adminUrl: string, envId: string, token: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: token,
    TENCENTCLOUD_SECRETKEY: 'devcloud-secret-key',
    TENCENTCLOUD: 'true',
    TCB_ENV: envId,
    TCB_CONTEXT_KEYS: 'TCB_ENV',
  };
}

/** The service URL of a caller: `/admin/<callerTag>` lets devcloud attribute requests to it. */
export function adminUrlFor(baseUrl: string, callerTag: string | null): string {
  return callerTag === null ? `${baseUrl}/admin` : `${baseUrl}/admin/${encodeURIComponent(callerTag)}`;
}
