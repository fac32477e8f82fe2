import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import type { ReaderMaterial, ReadingProgress } from '@zbxx/contracts';
import { fontSizeOf, type FontSizeKey } from '../lib/reading-status';
import { toAppError, type AppError } from '../services/app-error';
import { enqueueReport, flushReports } from '../services/progress-queue';
import { newRequestId } from '../services/request-id';
import { studyService } from '../services/study';
import { studyStorage } from '../services/study-storage';

/** A batch is made every this often while reading (and when the page is left), never per scroll event. */
export const BATCH_INTERVAL_MS = 10_000;

export type ReaderState =
  { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; material: ReaderMaterial; offline: boolean };

/**
 * The reader's state: the material (from the server, or the copy kept on the phone when offline), the
 * server's verdict on the reading, the remembered font size, and the batching of progress.
 */
export function useReader(materialId: string) {
  const [state, setState] = useState<ReaderState>({ kind: 'loading' });
  const [progress, setProgress] = useState<ReadingProgress | null>(null);
  const [fontSize, setFontSizeState] = useState<FontSizeKey>(() => fontSizeOf(studyStorage.loadFontSize()).key);
  const reading = useRef({ furthest: 0, position: 0, since: Date.now(), visible: true, dirty: false });

  useEffect(() => {
    let alive = true;
    void flushReports();
    studyService.openMaterial(materialId).then(
      (opened) => {
        studyStorage.saveMaterial(opened);
        if (!alive) return;
        reading.current = {
          ...reading.current,
          furthest: opened.progress.percent / 100,
          position: opened.progress.position,
          since: Date.now(),
        };
        setProgress(opened.progress);
        setState({ kind: 'ready', material: opened.material, offline: false });
      },
      (error: unknown) => {
        const cached = studyStorage.loadMaterial(materialId);
        if (!alive) return;
        if (cached) {
          reading.current = {
            ...reading.current,
            furthest: cached.progress.percent / 100,
            position: cached.progress.position,
            since: Date.now(),
          };
          setProgress(cached.progress);
          setState({ kind: 'ready', material: cached.material, offline: true });
        } else {
          setState({ kind: 'error', error: toAppError(error) });
        }
      },
    );
    return () => {
      alive = false;
    };
  }, [materialId]);

  /** Closes the current batch (dwell since the last one, furthest point, position) and tries to send the queue. */
  const sendBatch = useCallback(async () => {
    const r = reading.current;
    const now = Date.now();
    const dwellSeconds = r.visible ? Math.min(3600, Math.max(0, (now - r.since) / 1000)) : 0;
    r.since = now;
    if (dwellSeconds < 0.5 && !r.dirty) return;
    r.dirty = false;
    enqueueReport({
      batchId: newRequestId(),
      materialId,
      dwellSeconds: Math.round(dwellSeconds * 10) / 10,
      furthest: r.furthest,
      position: r.position,
    });
    const result = await flushReports();
    const mine = result?.progress.find((p) => p.materialId === materialId);
    if (mine) {
      setProgress(mine.progress);
      const cached = studyStorage.loadMaterial(materialId);
      if (cached) studyStorage.saveMaterial({ ...cached, progress: mine.progress });
    }
  }, [materialId]);

  useEffect(() => {
    if (state.kind !== 'ready') return undefined;
    const timer = setInterval(() => void sendBatch(), BATCH_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      void sendBatch();
    };
  }, [state.kind, sendBatch]);

  useDidHide(() => {
    void sendBatch();
    reading.current.visible = false;
  });
  useDidShow(() => {
    reading.current.visible = true;
    reading.current.since = Date.now();
  });

  /** Where the reader is, 0–1 of what can be scrolled (1 when everything fits on the screen). */
  const onPosition = useCallback((position: number) => {
    const r = reading.current;
    const clamped = Math.min(1, Math.max(0, position));
    r.position = clamped;
    if (clamped > r.furthest) {
      r.furthest = clamped;
      r.dirty = true;
    }
  }, []);

  const setFontSize = useCallback((key: FontSizeKey) => {
    setFontSizeState(key);
    studyStorage.saveFontSize(key);
  }, []);

  return { state, progress, fontSize, setFontSize, onPosition, resumeAt: () => reading.current.position };
}

/** Height of the visible window in px, for position arithmetic. */
export function windowHeight(): number {
  try {
    return Taro.getWindowInfo().windowHeight;
  } catch {
    return Taro.getSystemInfoSync().windowHeight;
  }
}
