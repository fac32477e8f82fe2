import { useEffect, useState } from 'react';
import { ScrollView, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { StudyBlocks } from '../../components/study-blocks';
import { useReader, windowHeight } from '../../hooks/use-reader';
import { FONT_SIZES, readingStatusLabel, withoutTitleHeading } from '../../lib/reading-status';
import './index.scss';

function Reader({ materialId }: { materialId: string }) {
  const { state, progress, fontSize, setFontSize, onPosition, resumeAt } = useReader(materialId);
  const [scrollTop, setScrollTop] = useState<number | undefined>(undefined);
  const viewport = windowHeight();

  // Once laid out: resume where the member stopped; a text that fits on one screen is read to its end.
  useEffect(() => {
    if (state.kind !== 'ready') return;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select('#reader-content')
        .boundingClientRect((rect) => {
          const height = (Array.isArray(rect) ? rect[0] : rect)?.height ?? 0;
          const scrollable = height - viewport;
          if (scrollable <= 8) onPosition(1);
          else if (resumeAt() > 0) setScrollTop(Math.round(resumeAt() * scrollable));
        })
        .exec();
    });
  }, [state.kind, viewport, onPosition, resumeAt]);

  if (state.kind === 'loading') return <LoadingSkeleton cards={1} />;
  if (state.kind === 'error') return <ErrorState error={state.error} />;
  const { material } = state;
  return (
    <View className={`reader reader--${fontSize}`}>
      <ScrollView
        className="reader__scroll"
        style={{ height: `${viewport}px` }}
        scrollY
        scrollTop={scrollTop}
        onScroll={(e) => {
          const { scrollTop: top, scrollHeight } = e.detail;
          onPosition(scrollHeight - viewport <= 8 ? 1 : top / (scrollHeight - viewport));
        }}
      >
        <View id="reader-content" className="reader__content">
          <View className="reader__title" data-testid="reader-title">
            {material.title}
          </View>
          <View className="reader__meta">
            {material.source ? `${material.source} · ` : ''}约{material.estimatedMinutes}分钟
          </View>
          {state.offline && <View className="reader__offline">当前离线，正在阅读已保存的内容，进度将在联网后上报</View>}
          <StudyBlocks blocks={withoutTitleHeading(material.blocks, material.title)} imageUrls={material.imageUrls} />
          <View className="reader__end" data-testid="reader-end">
            — 全文完 —
          </View>
        </View>
      </ScrollView>
      <View className="reader__bar">
        <View className={`reader__status reader__status--${progress?.status ?? 'unread'}`} data-testid="reader-status">
          {progress ? readingStatusLabel(progress) : '未读'}
        </View>
        <View className="reader__fonts">
          {FONT_SIZES.map((size) => (
            <View
              key={size.key}
              className={`reader__font ${size.key === fontSize ? 'is-active' : ''}`}
              data-testid={`font-${size.key}`}
              onClick={() => setFontSize(size.key)}
            >
              {size.label}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

export default function ReaderPage() {
  const { params } = useRouter();
  const materialId = params.id ?? '';
  return (
    <PageFrame>
      <MemberGate>{() => <Reader materialId={materialId} />}</MemberGate>
    </PageFrame>
  );
}
