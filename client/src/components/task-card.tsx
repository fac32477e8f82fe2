import { View } from '@tarojs/components';
import type { MonthTask } from '../lib/month-tasks';
import { Pill } from './pill';
import './task-card.scss';

/** One of this month's three tasks on the home screen. */
export function TaskCard({ task, onOpen }: { task: MonthTask; onOpen?: (task: MonthTask) => void }) {
  return (
    <View className="task-card" data-testid={`task-${task.key}`} onClick={() => onOpen?.(task)}>
      <View className="task-card__head">
        <View className="task-card__title">{task.title}</View>
        {task.available ? null : <Pill tone="soft">即将上线</Pill>}
      </View>
      <View className="task-card__desc">{task.description}</View>
    </View>
  );
}
