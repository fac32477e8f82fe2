import Taro from '@tarojs/taro';
import type { ProgressReport, ReaderMaterial, ReadingProgress } from '@zbxx/contracts';

/**
 * What the reader keeps on the phone: opened materials (to read them offline), progress batches not yet
 * acknowledged by the server (sent later, never counted twice: each has its batch id) and the font size.
 */
const MATERIAL_KEY = (id: string) => `study:material:${id}`;
const QUEUE_KEY = 'study:progress-queue';
const FONT_KEY = 'study:font-size';

export interface CachedMaterial {
  material: ReaderMaterial;
  progress: ReadingProgress;
}

function read<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined ? null : value;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full: reading still works, only offline reuse is lost.
  }
}

export const studyStorage = {
  loadMaterial: (id: string) => read<CachedMaterial>(MATERIAL_KEY(id)),
  saveMaterial: (cached: CachedMaterial) => write(MATERIAL_KEY(cached.material.materialId), cached),
  loadQueue: () => read<ProgressReport[]>(QUEUE_KEY) ?? [],
  saveQueue: (queue: ProgressReport[]) => write(QUEUE_KEY, queue),
  loadFontSize: () => read<string>(FONT_KEY),
  saveFontSize: (size: string) => write(FONT_KEY, size),
};
