/**
 * A minimal multipart/form-data reader for the one SDK call that sends it (`wx.openApi`, built with the
 * `form-data` package): every part is returned as raw bytes by field name. Bodies are small and fully
 * buffered, so a streaming parser would buy nothing.
 */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? '').trim() || null : null;
}

export function parseMultipart(body: Buffer, boundary: string): Record<string, Buffer> {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Record<string, Buffer> = {};
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    // "--" right after a delimiter closes the body.
    if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    const part = body.subarray(afterDelimiter + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) parts[name] = Buffer.from(part.subarray(headerEnd + 4));
    }
    start = next;
  }
  return parts;
}
