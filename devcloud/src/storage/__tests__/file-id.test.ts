import { cloudPathOfFileId, makeFileId, normalizeCloudPath } from '../file-id';

describe('file ids', () => {
  it('round-trips a cloud path through a fileID of the environment', () => {
    const fileId = makeFileId('devcloud', 'exports/2026-03/完成率.xlsx');
    expect(fileId).toBe('cloud://devcloud.devcloud-files/exports/2026-03/完成率.xlsx');
    expect(cloudPathOfFileId('devcloud', fileId)).toBe('exports/2026-03/完成率.xlsx');
  });

  it('refuses fileIDs of another environment or that escape the store', () => {
    expect(cloudPathOfFileId('devcloud', 'cloud://prod-1a2b.devcloud-files/a.txt')).toBeNull();
    expect(cloudPathOfFileId('devcloud', 'cloud://devcloud.devcloud-files/../a.txt')).toBeNull();
    expect(cloudPathOfFileId('devcloud', 'https://example.com/a.txt')).toBeNull();
  });

  it('normalizes cloud paths and refuses ones that are not plain relative paths', () => {
    expect(normalizeCloudPath('/a/b.txt')).toBe('a/b.txt');
    for (const bad of ['', '/', 'a//b', 'a/./b', '../a', 'a/..', 'a\\b', 'a?b', 'a#b', 'a%2fb', 'x'.repeat(1025)]) {
      expect(normalizeCloudPath(bad)).toBeNull();
    }
  });
});
