import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from '../server/http-io';
import { newRequestId } from '../server/request-id';
import { sendFile } from '../server/static-files';
import { normalizeCloudPath } from './file-id';
import type { StorageService } from './storage-service';

/** Larger than any export or upload the product makes; a function's memory is 256 MB anyway. */
const UPLOAD_LIMIT = 100 * 1024 * 1024;

/**
 * COS answers a failed upload with this XML; node-sdk destructures all four fields, so all must be
 * present for the SDK to report the error instead of crashing on it.
 */
function sendCosError(res: ServerResponse, status: number, code: string, message: string): void {
  const requestId = newRequestId();
  const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><TraceId>${requestId}</TraceId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(xml);
}

function cloudPathOfUrl(encodedPath: string): string | null {
  try {
    return normalizeCloudPath(decodeURIComponent(encodedPath));
  } catch {
    return null;
  }
}

/**
 * `/files/<cloudPath>`: GET/HEAD download through a signed, unexpired temp URL (`?sign=…&t=…`), PUT upload
 * with a granted token.
 */
export async function handleFileRequest(
  req: IncomingMessage,
  res: ServerResponse,
  encodedPath: string,
  search: URLSearchParams,
  storage: StorageService,
): Promise<void> {
  const cloudPath = cloudPathOfUrl(encodedPath);
  if (req.method === 'PUT') {
    if (cloudPath === null) return sendCosError(res, 400, 'InvalidURI', 'invalid cloud path');
    if (!storage.grants.consume(req.headers.authorization, cloudPath)) {
      return sendCosError(res, 403, 'AccessDenied', 'upload URL is missing, expired or already used');
    }
    let content: Buffer;
    try {
      content = await readBody(req, UPLOAD_LIMIT);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendCosError(res, 413, 'EntityTooLarge', 'file too large');
      throw err;
    }
    await storage.store.write(cloudPath, content);
    res.writeHead(200, { 'content-length': 0 });
    res.end();
    return;
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (cloudPath !== null && !storage.mayDownload(cloudPath, search)) {
      return sendCosError(res, 403, 'AccessDenied', 'the URL is not signed, or its signature has expired');
    }
    if (cloudPath !== null && (await sendFile(req, res, storage.store.pathOnDisk(cloudPath), 'no-store'))) return;
    return sendCosError(res, 404, 'NoSuchKey', 'the specified key does not exist');
  }
  res.writeHead(405, { allow: 'GET, HEAD, PUT' });
  res.end();
}
