import { View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import type { ShareCard } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { RolePage } from '../../../components/role-page';
import { useAsync } from '../../../hooks/use-async';
import { ROUTES } from '../../../lib/routes';
import { statsService } from '../../../services/stats';
import { Button } from '../../../ui/nut';
import { statsViewerRole } from './viewer-role';
import './share.scss';

/** weapp forwards the card to the branch's group chat; the browser has no chat, so the text is copied instead. */
const CAN_FORWARD = process.env.TARO_ENV === 'weapp';

export const shareText = (card: ShareCard) => [card.title, ...card.lines].join('\n');

function Card({ card }: { card: ShareCard }) {
  // The forwarded card opens the app's home page: members see their own tasks there.
  useShareAppMessage(() => ({ title: card.title, path: ROUTES.home }));
  const copy = () => void Taro.setClipboardData({ data: shareText(card) });
  return (
    <View className="share">
      <View className="share__card" data-testid="share-card">
        <View className="share__title" data-testid="share-title">
          {card.title}
        </View>
        {card.lines.map((line, index) => (
          <View key={index} className="share__line">
            {line}
          </View>
        ))}
      </View>
      <View className="share__hint">卡片只包含本支部的数字和本支部党员，不含其他支部的信息。</View>
      {CAN_FORWARD ? (
        <Button type="primary" size="large" block openType="share" data-testid="share-forward">
          转发到支部群
        </Button>
      ) : (
        <Button type="primary" size="large" block onClick={copy} data-testid="share-copy">
          复制文字
        </Button>
      )}
    </View>
  );
}

function ShareCardLoader({ branchId, month }: { branchId?: string; month?: string }) {
  const { state, reload } = useAsync(() => statsService.shareCard({ branchId, month }), [branchId, month]);
  if (state.kind === 'loading') return <LoadingSkeleton cards={1} />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  return <Card card={state.data} />;
}

export default function ShareCardPage() {
  const { params } = useRouter();
  return <RolePage role={statsViewerRole}>{() => <ShareCardLoader branchId={params.branchId} month={params.month} />}</RolePage>;
}
