import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { openPrivacyGuide } from '../services/privacy-listener';
import { PRIVACY_AGREE_BUTTON_ID, subscribePrivacyQuestion, type PrivacyQuestion } from '../services/privacy-prompt';
import './privacy-sheet.scss';

/** What we collect and why, as declared in 《用户隐私保护指引》 (docs/notes/weapp-ci.md lists the declaration). */
const PURPOSES: readonly { item: string; why: string }[] = [
  { item: '位置信息', why: '主题党日现场签到时确认您在活动地点附近；书记选择活动地点' },
  { item: '摄像头（扫码）', why: '扫描书记出示的签到二维码' },
  { item: '选择的文件和图片', why: '组织部导入花名册、题库和学习材料' },
  { item: '剪贴板', why: '复制统计结果，转发给支部' },
  { item: '订阅消息', why: '学习、答题和主题党日的提醒' },
];

/**
 * 隐私授权弹窗: shown when WeChat holds a privacy-related API until the member answers. Refusing only stops
 * that one feature: studying and answering quizzes never need any of these.
 */
export function PrivacySheet() {
  const [question, setQuestion] = useState<PrivacyQuestion | null>(null);
  useEffect(() => subscribePrivacyQuestion(setQuestion), []);
  if (!question) return null;
  return (
    <View className="privacy-sheet" role="dialog" aria-label="用户隐私保护提示">
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">用户隐私保护提示</Text>
        <Text className="privacy-sheet__lead">
          {question.feature ? `您正要使用「${question.feature}」。` : ''}
          使用前请阅读并同意《支部学习隐私保护指引》。我们只在您使用下列功能时收集必要的信息：
        </Text>
        <View className="privacy-sheet__list">
          {PURPOSES.map((p) => (
            <Text key={p.item} className="privacy-sheet__item">
              {`· ${p.item}：${p.why}`}
            </Text>
          ))}
        </View>
        <Text className="privacy-sheet__note">不同意也可以继续学习和答题，只是暂时不能使用这项功能。</Text>
        <Text className="privacy-sheet__link" onClick={openPrivacyGuide}>
          查看《隐私保护指引》全文
        </Text>
        <View className="privacy-sheet__actions">
          <Button className="privacy-sheet__refuse" onClick={() => question.answer('disagree')}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-sheet__agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => question.answer('agree')}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
