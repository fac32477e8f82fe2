import { randomBytes } from 'node:crypto';
import { devcloudNow } from '../clock/clock';

/** How long an upload URL from `storage.getUploadMetadata` stays usable (COS signs for about as long). */
const GRANT_TTL_MS = 10 * 60 * 1000;

/**
 * One-time permissions to PUT one cloud path, handed out with the upload URL, so nothing but an SDK
 * that asked for it can write into the store. The SDK sends the token back as the `authorization` header.
 */
export class UploadGrants {
  private readonly grants = new Map<string, { cloudPath: string; expiresAt: number }>();

  issue(cloudPath: string, now = devcloudNow()): string {
    for (const [token, grant] of this.grants) if (grant.expiresAt <= now) this.grants.delete(token);
    const token = `devcloud-upload-${randomBytes(12).toString('hex')}`;
    this.grants.set(token, { cloudPath, expiresAt: now + GRANT_TTL_MS });
    return token;
  }

  consume(token: string | undefined, cloudPath: string, now = devcloudNow()): boolean {
    if (token === undefined) return false;
    const grant = this.grants.get(token);
    if (!grant || grant.cloudPath !== cloudPath || grant.expiresAt <= now) return false;
    this.grants.delete(token);
    return true;
  }
}
