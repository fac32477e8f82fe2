import { View } from '@tarojs/components';
import { formatMonth } from '../lib/format-month';
import './month-stepper.scss';

/** ‹ 2026年11月 ›: big arrows instead of a picker wheel, one month per tap; no months after the running one. */
export function MonthStepper({
  month,
  canNext,
  onPrevious,
  onNext,
  testId = 'month',
}: {
  month: string;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  testId?: string;
}) {
  return (
    <View className="month-stepper">
      <View className="month-stepper__arrow" onClick={onPrevious} data-testid={`${testId}-prev`}>
        ‹ 上月
      </View>
      <View className="month-stepper__label" data-testid={`${testId}-label`}>
        {formatMonth(month)}
      </View>
      <View
        className={`month-stepper__arrow ${canNext ? '' : 'is-disabled'}`}
        onClick={canNext ? onNext : undefined}
        data-testid={`${testId}-next`}
      >
        下月 ›
      </View>
    </View>
  );
}
