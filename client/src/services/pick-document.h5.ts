import type { PickedDocument } from './pick-document-types';

/** Browser: a hidden file input; .docx is read as base64, .md as text. */
export function pickDocument(): Promise<PickedDocument | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.docx,.md,.markdown,.txt';
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      const reader = new FileReader();
      const isDocx = /\.docx$/i.test(file.name);
      reader.onerror = () => reject(reader.error);
      reader.onload = () => {
        const result = String(reader.result ?? '');
        resolve(isDocx ? { format: 'docx', fileName: file.name, base64: result.slice(result.indexOf(',') + 1) } : { format: 'md', fileName: file.name, text: result });
      };
      if (isDocx) reader.readAsDataURL(file);
      else reader.readAsText(file, 'utf-8');
    };
    input.click();
  });
}
