import { cloudPathOfFileId, makeFileId } from './file-id';
import type { FileStore } from './file-store';
import { devcloudNow } from '../clock/clock';
import { UrlSigner } from './signed-urls';
import { UploadGrants } from './upload-grants';

/** What the storage actions and the `/files/…` routes share: the store, the env's fileIDs, the URLs. */
export class StorageService {
  readonly grants = new UploadGrants();
  readonly signer = new UrlSigner();

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

  /**
   * A temporary download URL, signed and valid for `maxAgeSeconds`. The path is not encoded, like the
   * platform's temp URLs: the SDK runs encodeURI on them before downloading.
   */
  downloadUrl(cloudPath: string, maxAgeSeconds: number): string {
    const expiresAt = devcloudNow() + maxAgeSeconds * 1000;
    return `${this.baseUrl()}/files/${cloudPath}?${this.signer.query(cloudPath, expiresAt)}`;
  }

  /** Whether a download request's `sign`/`t` open `cloudPath` now. */
  mayDownload(cloudPath: string, search: URLSearchParams): boolean {
    return this.signer.verify(cloudPath, search.get('sign'), search.get('t'), devcloudNow());
  }
}
