import { useState } from 'react';
import { Input, Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OrgNode } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useAsync } from '../../../hooks/use-async';
import { useReloadOn } from '../../../hooks/use-reload-on';
import { childTypes, ORG_TYPE_LABELS, orgOptions, treeRows } from '../../../lib/org-tree';
import { ROUTES } from '../../../lib/routes';
import { runWithFeedback as run } from '../../../services/feedback';
import { orgService } from '../../../services/org';
import { Button } from '../../../ui/nut';
import './index.scss';

type Editing = { kind: 'create'; type: 'committee' | 'general' | 'branch' } | { kind: 'rename' } | null;

function NodeActions({ node, nodes, isRoot, onChanged }: { node: OrgNode; nodes: OrgNode[]; isRoot: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [name, setName] = useState('');
  const kinds = childTypes(node.type);
  const parents = orgOptions(
    nodes,
    (n) =>
      n.id !== node.id && !n.ancestors.includes(node.id) && n.id !== node.parentId && (childTypes(n.type) as string[]).includes(node.type),
  );
  const submit = () => {
    if (!editing) return;
    const work =
      editing.kind === 'create' ? () => orgService.createNode(node.id, name, editing.type) : () => orgService.renameNode(node.id, name);
    void run(work, editing.kind === 'create' ? '已新建' : '已重命名', () => {
      setEditing(null);
      onChanged();
    });
  };
  return (
    <View className="org-tree__actions">
      <View className="org-tree__buttons">
        <Button size="small" onClick={() => void Taro.navigateTo({ url: `${ROUTES.adminRoster}?orgId=${encodeURIComponent(node.id)}` })}>
          查看党员
        </Button>
        {kinds.map((type) => (
          <Button
            key={type}
            size="small"
            onClick={() => {
              setEditing({ kind: 'create', type });
              setName('');
            }}
          >
            新建{ORG_TYPE_LABELS[type]}
          </Button>
        ))}
        <Button
          size="small"
          onClick={() => {
            setEditing({ kind: 'rename' });
            setName(node.name);
          }}
        >
          重命名
        </Button>
        {!isRoot && parents.length > 0 && (
          <Picker
            mode="selector"
            range={parents.map((p) => p.label)}
            onChange={(e) => {
              const parent = parents[Number(e.detail.value)];
              if (parent) void run(() => orgService.moveNode(node.id, parent.id), '已调整', onChanged);
            }}
          >
            <Button size="small">调整隶属</Button>
          </Picker>
        )}
        {!isRoot && (
          <Button
            size="small"
            onClick={async () => {
              const { confirm } = await Taro.showModal({
                title: '撤销组织',
                content: `确定撤销「${node.name}」？撤销后保留历史记录，但不能再加入党员。`,
              });
              if (confirm) void run(() => orgService.retireNode(node.id), '已撤销', onChanged);
            }}
          >
            撤销
          </Button>
        )}
      </View>
      {editing && (
        <View className="org-tree__edit">
          <Input
            className="org-tree__input"
            value={name}
            placeholder={editing.kind === 'create' ? `新${ORG_TYPE_LABELS[editing.type]}名称` : '新名称'}
            onInput={(e) => setName(e.detail.value)}
          />
          <Button type="primary" size="small" disabled={!name.trim()} onClick={submit}>
            保存
          </Button>
        </View>
      )}
    </View>
  );
}

function OrgTree() {
  const { state, reload } = useAsync(() => orgService.tree(), []);
  useReloadOn(['orgTree', 'roster'], reload);
  const [open, setOpen] = useState<string | null>(null);
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { nodes, roots } = state.data;
  return (
    <View className="org-tree">
      {treeRows(nodes, roots).map(({ node, depth }) => (
        <View key={node.id} className="org-tree__node" style={{ marginLeft: `${depth * 28}px` }} data-testid={`org-node-${node.id}`}>
          <View className="org-tree__head" onClick={() => setOpen(open === node.id ? null : node.id)}>
            <View className="org-tree__name">{node.name}</View>
            <View className="org-tree__meta">
              {ORG_TYPE_LABELS[node.type]} · {node.memberCount}人
            </View>
          </View>
          {open === node.id && <NodeActions node={node} nodes={nodes} isRoot={roots.includes(node.id)} onChanged={reload} />}
        </View>
      ))}
    </View>
  );
}

export default function OrgTreePage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <OrgTree />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
