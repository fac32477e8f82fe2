import { View } from '@tarojs/components';
import type { AppError } from '../services/app-error';
import { Button } from '../ui/nut';
import './error-state.scss';

export interface ErrorStateProps {
  error: AppError;
  onRetry?: () => void;
  title?: string;
}

/** A failed load says what happened in plain Chinese and offers 重试 when trying again can help. */
export function ErrorState({ error, onRetry, title = '加载失败' }: ErrorStateProps) {
  // A lost network is not a failed login (or whatever the page names): the message says what to do.
  const heading = error.code.startsWith('NETWORK.') ? '加载失败' : title;
  return (
    <View className="error-state" data-testid="error-state">
      <View className="error-state__title">{heading}</View>
      <View className="error-state__message">{error.message}</View>
      {onRetry && (
        <Button type="primary" size="large" block onClick={onRetry} data-testid="retry">
          重试
        </Button>
      )}
    </View>
  );
}
