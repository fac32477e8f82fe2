import type { PickedFile, PickFileOptions } from './pick-file-types';

function read(file: File, as: 'base64' | 'text'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('文件读取失败'));
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(as === 'base64' ? result.slice(result.indexOf(',') + 1) : result);
    };
    if (as === 'base64') reader.readAsDataURL(file);
    else reader.readAsText(file, 'utf-8');
  });
}

/** Browser: a hidden file input, kept in the document so a browser test can find it and set its file. */
export function pickFile({ extensions, kind = 'file', testId = 'file-input' }: PickFileOptions): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    // A cancelled pick leaves its input behind (no change event): drop it before adding another.
    document.querySelectorAll(`[data-testid="${testId}"]`).forEach((old) => old.remove());
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = [...extensions.map((ext) => `.${ext}`), ...(kind === 'image' ? ['image/*'] : [])].join(',');
    input.setAttribute('data-testid', testId);
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      resolve({ name: file.name, size: file.size, readBase64: () => read(file, 'base64'), readText: () => read(file, 'text') });
    };
    document.body.appendChild(input);
    input.click();
  });
}
