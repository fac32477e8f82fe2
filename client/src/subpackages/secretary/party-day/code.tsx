import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useCheckinCode } from '../../../hooks/use-checkin-code';
import { secondsLeft } from '../../../lib/party-day-format';
import { CHECKIN_ROUTES, openCheckinPage } from '../../../services/checkin-navigation';
import { Button } from '../../../ui/nut';
import { QrCode } from './qr-code';
import './code.scss';

/** 出示签到码: the QR code and the 6 digits, replaced every 30 s by the server's next code. */
function CodeScreen({ eventId }: { eventId: string }) {
  const { shown, error, now } = useCheckinCode(eventId);
  return (
    <View className="pd-code">
      {shown ? (
        <>
          <QrCode text={shown.payload} />
          <View className="pd-code__digits" data-testid="checkin-code">
            {shown.code}
          </View>
          <View className="pd-code__hint" data-testid="checkin-code-seconds">
            {secondsLeft(shown.validUntil, now)} 秒后更新 · 请党员扫码或输入签到码
          </View>
        </>
      ) : (
        <View className="pd-code__hint">{error ? error.message : '正在获取签到码…'}</View>
      )}
      {shown && error && <View className="pd-code__warn">网络不稳定：{error.message}</View>}
      <Button size="small" onClick={() => openCheckinPage(CHECKIN_ROUTES.sheet, eventId)} data-testid="code-open-sheet">
        查看考勤表
      </Button>
    </View>
  );
}

export default function CheckinCodePage() {
  const eventId = useRouter().params.eventId ?? '';
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <CodeScreen eventId={eventId} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
