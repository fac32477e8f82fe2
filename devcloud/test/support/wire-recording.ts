import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { boundaryOf, parseMultipart } from '../../src/server/multipart';
import type { RawExchange } from './recording-proxy';

/**
 * Recorded SDK exchanges are the contract devcloud keeps with wx-server-sdk: the request the installed
 * SDK sends for a call, and the reply devcloud gives. Volatile values (request ids, ports, upload tokens,
 * URL signatures, multipart boundaries, seqId) are replaced by placeholders so a recording is stable across runs.
 */
export interface RecordedExchange {
  about: string;
  sdk: string;
  request: { path: string; contentType: string; body: unknown };
  response: { status: number; contentType: string; body: unknown };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/devcloud-upload-[0-9a-f]{24}/g, '<upload-token>'],
  [/devcloud-[0-9a-z]+-[0-9a-f]{8}/g, '<requestId>'],
  // Temp URLs are signed per run and expire (storage/signed-urls.ts).
  [/sign=[A-Za-z0-9_-]{43}&t=\d+/g, 'sign=<sign>&t=<expiry>'],
];

function placeholders(text: string, devcloudUrl: string): string {
  let out = text.split(devcloudUrl).join('http://devcloud');
  for (const [pattern, placeholder] of PLACEHOLDERS) out = out.replace(pattern, placeholder);
  return out;
}

/** Bytes that are not text (protobuf) are kept as base64 so the recording stays JSON. */
function bytesToJson(bytes: Buffer, contentType: string, devcloudUrl: string): Json {
  if (/json/.test(contentType)) return JSON.parse(placeholders(bytes.toString('utf8'), devcloudUrl)) as Json;
  const text = bytes.toString('utf8');
  // eslint-disable-next-line no-control-regex -- control bytes are what tells protobuf from text.
  const isText = Buffer.from(text, 'utf8').equals(bytes) && !/[\0-\x08\x0e-\x1f]/.test(text);
  return isText ? placeholders(text, devcloudUrl) : { $base64: bytes.toString('base64') };
}

export function normalizeExchange(raw: RawExchange, devcloudUrl: string): Omit<RecordedExchange, 'about' | 'sdk'> {
  const url = new URL(raw.path, 'http://devcloud');
  const boundary = boundaryOf(raw.requestContentType);
  const requestBody: Json = boundary
    ? Object.fromEntries(
        Object.entries(parseMultipart(raw.requestBody, boundary)).map(([name, value]) => [name, bytesToJson(value, '', devcloudUrl)]),
      )
    : bytesToJson(raw.requestBody, 'json', devcloudUrl);
  return {
    request: {
      // seqId changes on every call; env is part of the contract.
      path: `${url.pathname}?env=${url.searchParams.get('env') ?? ''}`,
      contentType: boundary ? 'multipart/form-data' : raw.requestContentType,
      body: requestBody,
    },
    response: {
      status: raw.status,
      contentType: raw.responseContentType,
      body: bytesToJson(raw.responseBody, raw.responseContentType, devcloudUrl),
    },
  };
}

/** Rebuilds the request a recording describes, for replaying it against a devcloud without the SDK. */
export function requestFromRecording(recording: RecordedExchange): { contentType: string; body: Buffer } {
  const { contentType, body } = recording.request;
  if (contentType !== 'multipart/form-data') return { contentType, body: Buffer.from(JSON.stringify(body)) };
  const boundary = 'devcloud-replay-boundary';
  const parts = Object.entries(body as Record<string, Json>).map(([name, value]) => {
    const bytes =
      typeof value === 'object' && value !== null && '$base64' in value
        ? Buffer.from(String(value.$base64), 'base64')
        : Buffer.from(String(value), 'utf8');
    return Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
      bytes,
      Buffer.from('\r\n'),
    ]);
  });
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]) };
}

/** Set DEVCLOUD_RECORD=1 to (re)write recordings from the installed SDK instead of checking them. */
export const RECORDING = process.env.DEVCLOUD_RECORD === '1';

export function readRecording(file: string): RecordedExchange {
  if (!existsSync(file)) throw new Error(`missing recording ${file}: run the test with DEVCLOUD_RECORD=1 to create it`);
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedExchange;
}

export function writeRecording(file: string, recording: RecordedExchange): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(recording, null, 2)}\n`);
}
