import { inflateRawSync } from 'node:zlib';
import { AppError } from './app-error';

/**
 * Zip containers (.xlsx, .docx) are read by libraries that inflate every entry into memory: a 200 KB file
 * can expand to 200 MB and take the function down for every admin. So before any parsing, the central
 * directory is read by hand and every entry is inflated once with a hard output cap: an entry that
 * expands past its declared size, a total past `maxTotalBytes`, or more than `maxEntries` entries answer
 * IMPORT.BAD_FILE. The cost is bounded by the limits, whatever the file claims.
 */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
}

/** A 20,000-row roster is ~10 MB of sheet XML; a Word document with pictures a few MB. */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalBytes: 40 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function tooLarge(limits: ZipLimits): AppError {
  return new AppError(
    'IMPORT.BAD_FILE',
    `文件解压后超过${Math.round(limits.maxTotalBytes / 1024 / 1024)}MB或包含的文件过多，请检查文件内容，或分成几个文件导入`,
  );
}

function endOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at -= 1) if (zip.readUInt32LE(at) === EOCD) return at;
  return -1;
}

/** Throws `notAZip` when `zip` is not a well-formed zip, IMPORT.BAD_FILE when it is too large unpacked. */
export function checkZipLimits(zip: Buffer, notAZip: AppError, limits: ZipLimits = IMPORT_ZIP_LIMITS): void {
  const unreadable = () => notAZip;
  if (zip.length < 22) throw unreadable();
  const eocd = endOfCentralDirectory(zip);
  if (eocd < 0) throw unreadable();
  const entries = zip.readUInt16LE(eocd + 10);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  // Zip64 markers: no import of ours is anywhere near 4 GB or 65,535 entries.
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw tooLarge(limits);
  if (entries > limits.maxEntries) throw tooLarge(limits);
  let at = directoryOffset;
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const declared = zip.readUInt32LE(at + 24);
    const next = at + 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    total += declared;
    if (total > limits.maxTotalBytes) throw tooLarge(limits);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw unreadable();
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) throw unreadable();
    const data = zip.subarray(start, start + compressed);
    if (method === 0) {
      if (compressed !== declared) throw unreadable();
    } else if (method === 8) {
      // The central directory's size can lie; the inflater's cap cannot be talked past.
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, declared) });
      } catch (error) {
        throw (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge(limits) : unreadable();
      }
      if (inflated.length !== declared) throw unreadable();
    } else {
      throw unreadable();
    }
    at = next;
  }
}
