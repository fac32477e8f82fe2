import { View } from '@tarojs/components';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { useStudyReminder } from '../../hooks/use-study-reminder';
import { Button } from '../../ui/nut';
import './study-reminder.scss';

/**
 * 开启学习提醒: each tap is one WeChat consent, i.e. one 催学 message the member agrees to receive. A page of
 * its own (opened from 我的) keeps the stats contract out of the main package.
 */
function StudyReminder() {
  const { credits, busy, message, enable } = useStudyReminder();
  return (
    <View className="study-reminder">
      <View className="study-reminder__title">学习提醒</View>
      <View className="study-reminder__desc">支部书记催学或每月自动提醒时，通过微信服务通知告诉您本月还有哪些学习任务没完成。</View>
      <View className="study-reminder__desc">微信规定：每开启一次，只能收到一条提醒。想多收几次，可以多点几次。</View>
      <View className="study-reminder__credits" data-testid="study-reminder-credits">
        {credits === null ? '正在查询…' : credits > 0 ? `还可接收 ${credits} 次提醒` : '尚未开启，书记催学时您收不到通知'}
      </View>
      {message && (
        <View className="study-reminder__message" data-testid="study-reminder-message">
          {message}
        </View>
      )}
      <Button type="primary" size="large" block loading={busy} onClick={() => void enable()} data-testid="study-reminder-enable">
        {credits ? '再开启一次' : '开启学习提醒'}
      </Button>
    </View>
  );
}

export default function StudyReminderPage() {
  return (
    <PageFrame>
      <MemberGate>{() => <StudyReminder />}</MemberGate>
    </PageFrame>
  );
}
