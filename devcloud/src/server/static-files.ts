import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor } from './content-types';

/**
 * Resolves a URL path inside `root`, or null when it would leave it (`..`, encoded slashes, NUL).
 * Shared by the h5 build and the file store, the two places that map URLs onto disk.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  const resolved = path.resolve(root, ...segments);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
}

/** Streams a file with its content type; false when there is no such regular file. */
export async function sendFile(req: IncomingMessage, res: ServerResponse, filePath: string, cacheControl: string): Promise<boolean> {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'content-type': contentTypeFor(filePath),
    'content-length': info.size,
    'cache-control': cacheControl,
    'last-modified': info.mtime.toUTCString(),
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(filePath).pipe(res);
  return true;
}

const H5_MISSING_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>支部学习 · h5 尚未构建</title></head>
<body style="font-family:sans-serif;max-width:36em;margin:4em auto;line-height:1.6">
<h1>h5 页面尚未构建</h1>
<p>devcloud 已启动，云函数网关可用（<code>POST /api/functions/&lt;name&gt;</code>），但没有找到 h5 构建产物。</p>
<p>请先运行 <code>npm run build:h5</code>，然后刷新本页。</p>
</body></html>`;

/** Serves the h5 build: `/` is index.html; missing build → a page that says how to build it. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | null, urlPath: string): Promise<void> {
  const target = root === null ? null : resolveInside(root, urlPath);
  if (root !== null && target !== null) {
    const info = await stat(target).catch(() => null);
    const file = info?.isDirectory() ? path.join(target, 'index.html') : target;
    // Hashed assets never change; index.html must be re-read after every build.
    const cache = path.basename(file) === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable';
    if (await sendFile(req, res, file, cache)) return;
  }
  const isRoot = urlPath === '/' || urlPath === '/index.html';
  const indexExists = root !== null && (await stat(path.join(root, 'index.html')).catch(() => null))?.isFile();
  if (isRoot && !indexExists) {
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    res.end(H5_MISSING_PAGE);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('404 未找到');
}
