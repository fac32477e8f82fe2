/**
 * fileIDs name a file the way the platform does: `cloud://<env>.<bucket>/<cloudPath>`.
 * devcloud has one bucket per environment.
 */
export const DEVCLOUD_BUCKET = 'devcloud-files';

/**
 * A cloud path as devcloud stores it, or null when it cannot be one: relative, `/`-separated, no empty,
 * `.` or `..` segments, and none of the characters that would change a URL's meaning.
 */
export function normalizeCloudPath(cloudPath: string): string | null {
  const trimmed = cloudPath.replace(/^\/+/, '');
  if (trimmed === '' || trimmed.length > 1024 || /[\\?#%\0]/.test(trimmed)) return null;
  const segments = trimmed.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  return trimmed;
}

export function makeFileId(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${DEVCLOUD_BUCKET}/${cloudPath}`;
}

/** The cloud path a fileID names, or null when it is not a fileID of this environment. */
export function cloudPathOfFileId(envId: string, fileId: string): string | null {
  const prefix = `cloud://${envId}.${DEVCLOUD_BUCKET}/`;
  if (!fileId.startsWith(prefix)) return null;
  return normalizeCloudPath(fileId.slice(prefix.length));
}
