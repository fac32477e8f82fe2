import { ROSTER_INLINE_MAX_BYTES, type RosterFile } from '@zbxx/contracts';
import { AppError } from './app-error';

/**
 * Browser: a file input; the .xlsx travels base64-encoded in the importPreview event (devcloud has no
 * client upload in h5). The size limit keeps the event under the gateway's 1 MB.
 */
export function pickRosterFile(): Promise<RosterFile | null> {
  return new Promise((resolve, reject) => {
    // A cancelled pick leaves its input behind (no change event): drop it before adding another.
    document.querySelectorAll('[data-testid="roster-file-input"]').forEach((old) => old.remove());
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.setAttribute('data-testid', 'roster-file-input');
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      if (file.size > ROSTER_INLINE_MAX_BYTES) {
        return reject(new AppError('IMPORT.BAD_FILE', `文件超过${Math.floor(ROSTER_INLINE_MAX_BYTES / 1024)}KB，请分成几个文件导入`));
      }
      const reader = new FileReader();
      reader.onerror = () => reject(new AppError('IMPORT.BAD_FILE', '文件读取失败，请重新选择'));
      reader.onload = () => {
        const url = String(reader.result ?? '');
        resolve({ fileName: file.name, base64: url.slice(url.indexOf(',') + 1) });
      };
      reader.readAsDataURL(file);
    };
    // Kept in the document so a browser test can find it and set its file.
    document.body.appendChild(input);
    input.click();
  });
}
