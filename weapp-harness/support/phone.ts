import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeviceScript } from './device';

/**
 * What survives an app relaunch on one phone: local storage, files in the app's sandbox, the clipboard, and
 * the scripted answers of its user. A MiniProgram is one run of the app on a Phone.
 */
export class Phone {
  readonly storage = new Map<string, string>();
  readonly device = new DeviceScript();
  clipboard = '';
  /** Documents WeChat's viewer was asked to open, with their bytes. */
  readonly openedDocuments: { filePath: string; fileType?: string; bytes: Buffer }[] = [];
  /** Remaining callFunction requests to drop as if the signal were lost. */
  droppedCalls = 0;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'zbxx-phone-'));
  private fileCount = 0;

  /** A file in the app's sandbox (`wxfile://tmp/…`), as chooseMessageFile or downloadFile hands back. */
  addFile(name: string, bytes: Buffer): { path: string; name: string; size: number } {
    const safe = `${++this.fileCount}-${name.replace(/[^\w.-]/g, '_')}`;
    writeFileSync(path.join(this.dir, safe), bytes);
    return { path: `wxfile://tmp/${safe}`, name, size: bytes.length };
  }

  readFile(wxPath: string): Buffer {
    const match = /^wxfile:\/\/tmp\/([^/]+)$/.exec(wxPath);
    if (!match) throw new Error(`no such file in the sandbox: ${wxPath}`);
    return readFileSync(path.join(this.dir, match[1]!));
  }

  /** Drops the next `count` cloud calls: the phone has no signal, then has it again. */
  loseNetwork(count: number): void {
    this.droppedCalls = count;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
