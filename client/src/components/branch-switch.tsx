import { View } from '@tarojs/components';
import type { OrgRef } from '@zbxx/contracts';
import './branch-switch.scss';

/** A secretary of several branches picks which one the page shows; one branch shows just its name. */
export function BranchSwitch({
  branches,
  current,
  onChange,
}: {
  branches: readonly OrgRef[];
  current: string;
  onChange: (id: string) => void;
}) {
  return (
    <View className="branch-switch" data-testid="branch-switch">
      {branches.map((branch) => (
        <View
          key={branch.id}
          className={`branch-switch__item ${branch.id === current ? 'is-active' : ''}`}
          onClick={() => onChange(branch.id)}
        >
          {branch.name}
        </View>
      ))}
    </View>
  );
}
