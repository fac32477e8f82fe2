import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { HomePartyDay } from '@zbxx/contracts';
import type { AsyncState } from '../hooks/use-async';
import { useServerCountdown } from '../hooks/use-party-day';
import { ATTENDANCE_LABELS, formatCountdown, formatEventTime } from '../lib/party-day-format';
import { ROUTES } from '../lib/routes';
import './party-day-home-card.scss';

/** 首页: the next 主题党日 with a countdown and the member's state; opens the 党日 tab. */
export function PartyDayHomeCard({ state }: { state: AsyncState<HomePartyDay> }) {
  const data = state.kind === 'ready' ? state.data : null;
  const next = data?.next ?? null;
  const untilStart = useServerCountdown(next?.event.startsAt, data?.serverTime);
  return (
    <View className="party-day-card" data-testid="task-party-day" onClick={() => void Taro.switchTab({ url: ROUTES.partyDay })}>
      <View className="party-day-card__head">
        <View className="party-day-card__title">主题党日</View>
        {next && <View className="party-day-card__state">{ATTENDANCE_LABELS[next.mine.state]}</View>}
      </View>
      {next ? (
        <>
          <View className="party-day-card__desc" data-testid="home-party-day-theme">
            {next.event.theme}
          </View>
          <View className="party-day-card__due">
            {formatEventTime(next.event.startsAt)} · {next.event.place}
            {next.event.phase === 'open' ? ' · 正在签到' : untilStart > 0 ? ` · ${formatCountdown(untilStart)}` : ''}
          </View>
        </>
      ) : (
        <View className="party-day-card__desc">
          {state.kind === 'error' ? '暂时无法加载' : state.kind === 'loading' ? '…' : '支部暂未安排主题党日'}
        </View>
      )}
    </View>
  );
}
