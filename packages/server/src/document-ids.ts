import { createHash } from 'node:crypto';

/** A document id such as `plan-k3x9…`: 16 base-36 characters from the function's random source. */
export function newId(prefix: string, random: () => number): string {
  let id = '';
  for (let i = 0; i < 16; i += 1) id += Math.floor(random() * 36).toString(36);
  return `${prefix}-${id}`;
}

/**
 * The id of the document a create makes. With the request's id (the client keeps it for 重试) it is derived
 * from it and the author, so the retry of a create whose reply was lost lands on the document the first call
 * made (the action then answers it instead of writing again); without one it is random.
 */
export function createdDocId(prefix: string, authorId: string, requestId: string | null, random: () => number): string {
  if (!requestId) return newId(prefix, random);
  return `${prefix}-${createHash('sha256').update(`${authorId}:${requestId}`).digest('hex').slice(0, 16)}`;
}
