import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Files under `<dataDir>/files/<cloudPath>`: plain files, so a developer can open an export directly. */
export class FileStore {
  constructor(readonly root: string) {}

  /** `cloudPath` must come from normalizeCloudPath, which keeps it inside the root. */
  pathOnDisk(cloudPath: string): string {
    return path.join(this.root, ...cloudPath.split('/'));
  }

  async write(cloudPath: string, content: Buffer): Promise<void> {
    const target = this.pathOnDisk(cloudPath);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a reader never sees half a file, and a crash leaves the old one whole.
    const temporary = `${target}.${randomBytes(4).toString('hex')}.uploading`;
    await writeFile(temporary, content);
    await rename(temporary, target);
  }

  async exists(cloudPath: string): Promise<boolean> {
    return (await stat(this.pathOnDisk(cloudPath)).catch(() => null))?.isFile() ?? false;
  }

  async remove(cloudPath: string): Promise<boolean> {
    if (!(await this.exists(cloudPath))) return false;
    await rm(this.pathOnDisk(cloudPath));
    return true;
  }
}
