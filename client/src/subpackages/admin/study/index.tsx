import { useState } from 'react';
import { Input, Textarea, View } from '@tarojs/components';
import type { AdminMaterial, AdminPlan, Me } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { StudyBlocks } from '../../../components/study-blocks';
import { useAsync } from '../../../hooks/use-async';
import { useMaterialEditor } from '../../../hooks/use-material-editor';
import { formatMonth } from '../../../lib/format-month';
import { toAppError, type AppError } from '../../../services/app-error';
import { studyService } from '../../../services/study';
import { Button } from '../../../ui/nut';
import './index.scss';

function MaterialEditor({ editor }: { editor: ReturnType<typeof useMaterialEditor> }) {
  const { draft, preview, warnings, error, busy } = editor;
  if (!draft) return null;
  return (
    <View className="admin-study__editor" data-testid="material-editor">
      <View className="admin-study__label">标题</View>
      <Input className="admin-study__input" value={draft.title} onInput={(e) => editor.change({ title: e.detail.value })} data-testid="material-title" />
      <View className="admin-study__label">出处</View>
      <Input className="admin-study__input" value={draft.source} placeholder="如《中国共产党支部工作条例（试行）》" onInput={(e) => editor.change({ source: e.detail.value })} />
      <View className="admin-study__label">预计阅读分钟数</View>
      <Input className="admin-study__input" type="number" value={String(draft.estimatedMinutes)} onInput={(e) => editor.change({ estimatedMinutes: Number(e.detail.value) || 1 })} />
      <View className="admin-study__label">正文（Markdown：# 标题，&gt; 引用条文，- 列表）</View>
      <Textarea className="admin-study__body" value={draft.body} maxlength={60000} onInput={(e) => editor.change({ body: e.detail.value })} data-testid="material-body" />
      <View className="admin-study__actions">
        <Button size="small" onClick={() => void editor.importFile()} disabled={busy} data-testid="material-import">
          导入 Word / Markdown
        </Button>
        <Button size="small" onClick={() => void editor.showPreview()} disabled={busy || !draft.body}>
          预览
        </Button>
        <Button size="small" type="primary" onClick={() => void editor.save()} disabled={busy || !draft.title || !draft.body} data-testid="material-save">
          保存
        </Button>
        <Button size="small" onClick={editor.close}>
          取消
        </Button>
      </View>
      {error && <View className="admin-study__error">{error.message}</View>}
      {warnings.map((w) => (
        <View key={w} className="admin-study__warning">
          {w}
        </View>
      ))}
      {preview && (
        <View className="admin-study__preview" data-testid="material-preview">
          <View className="admin-study__preview-meta">
            预览 · {preview.textLength} 字 · 建议阅读约 {preview.suggestedMinutes} 分钟 · 至少阅读 {preview.plausibleSeconds} 秒才计为读完
          </View>
          <StudyBlocks blocks={preview.blocks} imageUrls={preview.imageUrls} />
        </View>
      )}
    </View>
  );
}

function PlanForm({ me, materials, onSaved }: { me: Me; materials: AdminMaterial[]; onSaved: () => void }) {
  const [orgId, setOrgId] = useState(me.scope.adminOf[0]?.id ?? '');
  const [month, setMonth] = useState(me.month);
  const [theme, setTheme] = useState('');
  const [dueDate, setDueDate] = useState(`${me.month}-25`);
  const [required, setRequired] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const toggle = (id: string) => setRequired((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const save = async (status: 'draft' | 'published') => {
    try {
      setError(null);
      await studyService.savePlan({ month, orgId, theme, dueDate, requiredMaterialIds: required, optionalMaterialIds: [], status });
      setTheme('');
      setRequired([]);
      onSaved();
    } catch (e) {
      setError(toAppError(e));
    }
  };
  return (
    <View className="admin-study__editor">
      <View className="admin-study__label">发布范围</View>
      <View className="admin-study__chips">
        {me.scope.adminOf.map((org) => (
          <View key={org.id} className={`admin-study__chip ${org.id === orgId ? 'is-active' : ''}`} onClick={() => setOrgId(org.id)}>
            {org.name}
          </View>
        ))}
      </View>
      <View className="admin-study__label">月份（YYYY-MM）</View>
      <Input className="admin-study__input" value={month} onInput={(e) => setMonth(e.detail.value)} />
      <View className="admin-study__label">主题</View>
      <Input className="admin-study__input" value={theme} placeholder="一月一主题" onInput={(e) => setTheme(e.detail.value)} />
      <View className="admin-study__label">截止日期（YYYY-MM-DD）</View>
      <Input className="admin-study__input" value={dueDate} onInput={(e) => setDueDate(e.detail.value)} />
      <View className="admin-study__label">必学材料</View>
      <View className="admin-study__chips">
        {materials.map((m) => (
          <View key={m.materialId} className={`admin-study__chip ${required.includes(m.materialId) ? 'is-active' : ''}`} onClick={() => toggle(m.materialId)}>
            {m.title}
          </View>
        ))}
      </View>
      <View className="admin-study__actions">
        <Button size="small" onClick={() => void save('draft')} disabled={!theme || required.length === 0}>
          存为草稿
        </Button>
        <Button size="small" type="primary" onClick={() => void save('published')} disabled={!theme || required.length === 0}>
          发布
        </Button>
      </View>
      {error && <View className="admin-study__error">{error.message}</View>}
    </View>
  );
}

function PlanRow({ plan, titles }: { plan: AdminPlan; titles: Map<string, string> }) {
  return (
    <View className="admin-study__row">
      <View className="admin-study__row-title">
        {formatMonth(plan.month)} · {plan.theme}
        <View className="admin-study__row-status">{plan.status === 'published' ? '已发布' : '草稿'}</View>
      </View>
      <View className="admin-study__row-meta">
        {plan.org.name} · 截止 {plan.dueDate} · {plan.requiredMaterialIds.map((id) => titles.get(id) ?? id).join('、')}
      </View>
    </View>
  );
}

function AdminStudy({ me }: { me: Me }) {
  const { state, reload } = useAsync(() => Promise.all([studyService.listPlans(), studyService.listMaterials()]), []);
  const editor = useMaterialEditor(me.scope.adminOf[0]?.id, reload);
  const [tab, setTab] = useState<'plans' | 'materials'>('plans');
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const [{ plans }, { materials }] = state.data;
  const titles = new Map(materials.map((m) => [m.materialId, m.title]));
  return (
    <View className="admin-study">
      <View className="admin-study__tabs">
        <View className={`admin-study__tab ${tab === 'plans' ? 'is-active' : ''}`} onClick={() => setTab('plans')}>
          学习计划
        </View>
        <View className={`admin-study__tab ${tab === 'materials' ? 'is-active' : ''}`} onClick={() => setTab('materials')} data-testid="tab-materials">
          学习材料
        </View>
      </View>
      {tab === 'plans' ? (
        <>
          <PlanForm me={me} materials={materials} onSaved={reload} />
          {plans.map((plan) => (
            <PlanRow key={plan.planId} plan={plan} titles={titles} />
          ))}
        </>
      ) : (
        <>
          {!editor.draft && (
            <Button type="primary" block onClick={editor.startNew} data-testid="material-new">
              新建材料
            </Button>
          )}
          <MaterialEditor editor={editor} />
          {materials.map((m) => (
            <View key={m.materialId} className="admin-study__row" onClick={() => void editor.edit(m.materialId)}>
              <View className="admin-study__row-title">{m.title}</View>
              <View className="admin-study__row-meta">
                {m.org.name} · {m.textLength} 字 · 约 {m.estimatedMinutes} 分钟
              </View>
            </View>
          ))}
        </>
      )}
    </View>
  );
}

export default function AdminStudyPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <AdminStudy me={me} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
