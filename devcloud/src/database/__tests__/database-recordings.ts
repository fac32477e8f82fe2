import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Recorded database exchanges: each file holds the sequence of requests one SDK scenario sent (from an
 * empty devcloud) and the replies devcloud gave. Ids devcloud generates (documents, transactions) differ
 * per run, so 32-hex strings become `<id-N>` numbered by first appearance; request ids are `<requestId>`.
 */
export interface DatabaseRecording {
  about: string;
  sdk: string;
  exchanges: Array<{
    request: { path: string; contentType: string; body: unknown };
    response: { status: number; contentType: string; body: unknown };
  }>;
}

export const DATABASE_RECORDINGS = path.join(__dirname, '..', '..', '..', 'test', 'recordings', 'database');

export function recordingFiles(): string[] {
  return readdirSync(DATABASE_RECORDINGS)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

const GENERATED_ID = /\b[0-9a-f]{32}\b/g;
const PLACEHOLDER = /<id-(\d+)>/g;

/** Maps generated ids to stable placeholders and back, in order of first appearance. */
export class IdPlaceholders {
  private readonly byId = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();

  /** Replaces every generated id in `value` (deeply, including inside EJSON strings). */
  hide<T>(value: T): T {
    const text = JSON.stringify(value).replace(GENERATED_ID, (id) => {
      let placeholder = this.byId.get(id);
      if (!placeholder) {
        placeholder = `<id-${this.byId.size + 1}>`;
        this.byId.set(id, placeholder);
        this.byPlaceholder.set(placeholder, id);
      }
      return placeholder;
    });
    return JSON.parse(text) as T;
  }

  /** Puts back the real ids for placeholders already seen (a recorded request refers to earlier replies). */
  reveal<T>(value: T): T {
    const text = JSON.stringify(value).replace(PLACEHOLDER, (placeholder) => {
      const id = this.byPlaceholder.get(placeholder);
      if (!id) throw new Error(`recording uses ${placeholder} before any reply introduced it`);
      return id;
    });
    return JSON.parse(text) as T;
  }
}
