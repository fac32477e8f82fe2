import { cloudPathOfFileId, makeFileId } from './file-id';
import type { FileStore } from './file-store';
import { UploadGrants } from './upload-grants';

/** What the storage actions and the `/files/…` routes share: the store, the env's fileIDs, the URLs. */
export class StorageService {
  readonly grants = new UploadGrants();

  constructor(
    readonly store: FileStore,
    readonly envId: string,
    private readonly baseUrl: () => string,
  ) {}

  fileIdFor(cloudPath: string): string {
    return makeFileId(this.envId, cloudPath);
  }

  cloudPathOf(fileId: string): string | null {
    return cloudPathOfFileId(this.envId, fileId);
  }

  /** Percent-encoded: the SDK PUTs to it as given. */
  uploadUrl(cloudPath: string): string {
    return `${this.baseUrl()}/files/${encodeURI(cloudPath)}`;
  }

  /** Not encoded, like the platform's temp URLs: the SDK runs encodeURI on them before downloading. */
  downloadUrl(cloudPath: string): string {
    return `${this.baseUrl()}/files/${cloudPath}`;
  }
}
