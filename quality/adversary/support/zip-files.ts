import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Hand-made zip files for the resource-exhaustion attacks: a library would refuse to write a lying central
 * directory, and would need the 200 MB in memory to write a bomb.
 */
export interface ZipEntry {
  name: string;
  /** Deflated bytes, the size they expand to, and the CRC of the expanded bytes. */
  deflated: Buffer;
  size: number;
  crc: number;
  /** What the central directory claims the size is (a liar's zip); `size` when absent. */
  declaredSize?: number;
}

export function entryOf(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/** `chunk` repeated `times` over, deflated as a stream: a few MB of memory for any expanded size. */
export async function repeatedEntry(name: string, chunk: Buffer, times: number): Promise<ZipEntry> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (piece: Buffer) => out.push(piece));
  const ended = once(deflater, 'end');
  let crc = 0;
  for (let i = 0; i < times; i += 1) {
    crc = crc32(chunk, crc);
    if (!deflater.write(chunk)) await once(deflater, 'drain');
  }
  deflater.end();
  await ended;
  return { name, deflated: Buffer.concat(out), size: chunk.length * times, crc };
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize ?? entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;

/** An .xlsx-shaped zip whose shared strings expand to `megabytes` MB: ~1 KB of file per MB expanded. */
export async function xlsxBomb(megabytes: number): Promise<Buffer> {
  const strings = await repeatedEntry('xl/sharedStrings.xml', Buffer.alloc(1024 * 1024, 'A'), megabytes);
  return writeZip([entryOf('[Content_Types].xml', CONTENT_TYPES), strings]);
}
