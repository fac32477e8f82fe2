import { AdminActionError, type AdminActionRegistry } from '../server/admin-actions';
import { normalizeCloudPath } from './file-id';
import type { StorageService } from './storage-service';

/** The platform's temp URLs default to a day when `maxAge` is absent. */
const DEFAULT_MAX_AGE_SECONDS = 86400;

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new AdminActionError('INVALID_PARAM', `${field} must be an array`);
  return value.map((item) => (typeof item === 'string' ? item : ''));
}

/**
 * The storage actions node-sdk sends (storage/index.ts): `getUploadMetadata` (then a PUT of the bytes to
 * the URL it returns), `batchGetDownloadUrl` (getTempFileURL, downloadFile) and `batchDeleteFile`.
 * Per-file failures travel inside the lists as `code`, as on the platform.
 */
export function registerStorageActions(registry: AdminActionRegistry, storage: StorageService): void {
  registry.registerAll({
    'storage.getUploadMetadata': ({ body }) => {
      const cloudPath = typeof body.path === 'string' ? normalizeCloudPath(body.path) : null;
      if (cloudPath === null) throw new AdminActionError('INVALID_PARAM', `invalid cloudPath: ${String(body.path)}`);
      const authorization = storage.grants.issue(cloudPath);
      return {
        data: {
          url: storage.uploadUrl(cloudPath),
          // The SDK sends each of these as a header, so none may be undefined.
          token: '',
          authorization,
          fileId: storage.fileIdFor(cloudPath),
          cosFileId: '',
          download_url: storage.downloadUrl(cloudPath, DEFAULT_MAX_AGE_SECONDS),
        },
      };
    },

    'storage.batchGetDownloadUrl': async ({ body }) => {
      if (!Array.isArray(body.file_list)) throw new AdminActionError('INVALID_PARAM', 'file_list must be an array');
      const download_list = await Promise.all(
        body.file_list.map(async (item: unknown) => {
          const { fileid, max_age } = (item ?? {}) as { fileid?: unknown; max_age?: unknown };
          const fileID = typeof fileid === 'string' ? fileid : '';
          const maxAge = typeof max_age === 'number' && max_age > 0 ? max_age : DEFAULT_MAX_AGE_SECONDS;
          const cloudPath = storage.cloudPathOf(fileID);
          if (cloudPath === null || !(await storage.store.exists(cloudPath))) {
            return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge };
          }
          return { fileID, tempFileURL: storage.downloadUrl(cloudPath, maxAge), code: 'SUCCESS', maxAge };
        }),
      );
      return { data: { download_list } };
    },

    'storage.batchDeleteFile': async ({ body }) => {
      const fileIds = stringList(body.fileid_list, 'fileid_list');
      const delete_list = await Promise.all(
        fileIds.map(async (fileID) => {
          const cloudPath = storage.cloudPathOf(fileID);
          const removed = cloudPath !== null && (await storage.store.remove(cloudPath));
          return { fileID, code: removed ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
        }),
      );
      return { data: { delete_list } };
    },
  });
}
