import { useState } from 'react';
import { Input, Textarea, View } from '@tarojs/components';
import type { AdminMaterial, AdminPlan, Me, OrgRef } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { StudyBlocks } from '../../../components/study-blocks';
import { useAsync } from '../../../hooks/use-async';
import { useMaterialEditor } from '../../../hooks/use-material-editor';
import { usePlanForm, type MaterialRole } from '../../../hooks/use-plan-form';
import { formatMonth } from '../../../lib/format-month';
import { studyService } from '../../../services/study';
import { Button } from '../../../ui/nut';
import './index.scss';

function OrgChips({ orgs, value, onChange }: { orgs: OrgRef[]; value: string; onChange: (orgId: string) => void }) {
  return (
    <View className="admin-study__chips">
      {orgs.map((org) => (
        <View key={org.id} className={`admin-study__chip ${org.id === value ? 'is-active' : ''}`} onClick={() => onChange(org.id)}>
          {org.name}
        </View>
      ))}
    </View>
  );
}

function MaterialEditor({ me, editor }: { me: Me; editor: ReturnType<typeof useMaterialEditor> }) {
  const { draft, preview, warnings, error, busy } = editor;
  if (!draft) return null;
  return (
    <View className="admin-study__editor" data-testid="material-editor">
      <View className="admin-study__label">所属党组织（其管理员可编辑、可选入计划）</View>
      <OrgChips orgs={me.scope.adminOf} value={draft.orgId} onChange={(orgId) => editor.change({ orgId })} />
      <View className="admin-study__label">标题</View>
      <Input
        className="admin-study__input"
        value={draft.title}
        onInput={(e) => editor.change({ title: e.detail.value })}
        data-testid="material-title"
      />
      <View className="admin-study__label">出处</View>
      <Input
        className="admin-study__input"
        value={draft.source}
        placeholder="如《中国共产党支部工作条例（试行）》"
        onInput={(e) => editor.change({ source: e.detail.value })}
      />
      <View className="admin-study__label">预计阅读分钟数</View>
      <Input
        className="admin-study__input"
        type="number"
        value={String(draft.estimatedMinutes)}
        onInput={(e) => editor.change({ estimatedMinutes: Number(e.detail.value) || 1 })}
      />
      <View className="admin-study__label">正文（Markdown：# 标题，&gt; 引用条文，- 列表）</View>
      <Textarea
        className="admin-study__body"
        value={draft.body}
        maxlength={60000}
        onInput={(e) => editor.change({ body: e.detail.value })}
        data-testid="material-body"
      />
      <View className="admin-study__actions">
        <Button size="small" onClick={() => void editor.importFile()} disabled={busy} data-testid="material-import">
          导入 Word / Markdown
        </Button>
        <Button size="small" onClick={() => void editor.insertImage()} disabled={busy} data-testid="material-insert-image">
          插入图片
        </Button>
        <Button size="small" onClick={() => void editor.showPreview()} disabled={busy || !draft.body}>
          预览
        </Button>
        <Button
          size="small"
          type="primary"
          onClick={() => void editor.save()}
          disabled={busy || !draft.title || !draft.body}
          data-testid="material-save"
        >
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

const ROLE_LABELS: Record<MaterialRole, string> = { required: '必学', optional: '选学', none: '' };

function PlanForm({ me, form, materials }: { me: Me; form: ReturnType<typeof usePlanForm>; materials: AdminMaterial[] }) {
  const { fields, error, busy } = form;
  const incomplete = !fields.theme || fields.required.length === 0 || busy;
  return (
    <View className="admin-study__editor" data-testid="plan-form">
      <View className="admin-study__label">{form.editing ? '修改学习计划' : '新建学习计划'} · 发布范围</View>
      <OrgChips orgs={me.scope.adminOf} value={fields.orgId} onChange={(orgId) => form.change({ orgId })} />
      <View className="admin-study__label">月份（YYYY-MM）</View>
      <Input className="admin-study__input" value={fields.month} onInput={(e) => form.change({ month: e.detail.value })} />
      <View className="admin-study__label">主题</View>
      <Input
        className="admin-study__input"
        value={fields.theme}
        placeholder="一月一主题"
        onInput={(e) => form.change({ theme: e.detail.value })}
      />
      <View className="admin-study__label">截止日期（YYYY-MM-DD）</View>
      <Input className="admin-study__input" value={fields.dueDate} onInput={(e) => form.change({ dueDate: e.detail.value })} />
      <View className="admin-study__label">学习材料（点一下为必学，再点为选学，再点取消）</View>
      <View className="admin-study__chips">
        {materials.map((m) => {
          const role = form.roleOf(m.materialId);
          return (
            <View
              key={m.materialId}
              className={`admin-study__chip ${role === 'none' ? '' : 'is-active'} ${role === 'optional' ? 'is-optional' : ''}`}
              onClick={() => form.cycle(m.materialId)}
            >
              {ROLE_LABELS[role] && `${ROLE_LABELS[role]} · `}
              {m.title}
            </View>
          );
        })}
      </View>
      <View className="admin-study__actions">
        <Button size="small" onClick={() => void form.save('draft')} disabled={incomplete}>
          存为草稿
        </Button>
        <Button size="small" type="primary" onClick={() => void form.save('published')} disabled={incomplete}>
          发布
        </Button>
        {form.editing && (
          <Button size="small" onClick={form.reset}>
            取消修改
          </Button>
        )}
      </View>
      {error && <View className="admin-study__error">{error.message}</View>}
    </View>
  );
}

function PlanRow({ plan, titles, onEdit }: { plan: AdminPlan; titles: Map<string, string>; onEdit: () => void }) {
  const names = (ids: string[]) => ids.map((id) => titles.get(id) ?? id).join('、');
  return (
    <View className="admin-study__row" onClick={onEdit}>
      <View className="admin-study__row-title">
        {formatMonth(plan.month)} · {plan.theme}
        <View className="admin-study__row-status">{plan.status === 'published' ? '已发布' : '草稿'}</View>
      </View>
      <View className="admin-study__row-meta">
        {plan.org.name} · 截止 {plan.dueDate} · 必学：{names(plan.requiredMaterialIds)}
        {plan.optionalMaterialIds.length > 0 && ` · 选学：${names(plan.optionalMaterialIds)}`}
      </View>
    </View>
  );
}

function AdminStudy({ me }: { me: Me }) {
  const { state, reload } = useAsync(() => Promise.all([studyService.listPlans(), studyService.listMaterials()]), []);
  const editor = useMaterialEditor(me.scope.adminOf[0]?.id, reload);
  const planForm = usePlanForm(me, reload);
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
        <View
          className={`admin-study__tab ${tab === 'materials' ? 'is-active' : ''}`}
          onClick={() => setTab('materials')}
          data-testid="tab-materials"
        >
          学习材料
        </View>
      </View>
      {tab === 'plans' ? (
        <>
          <PlanForm me={me} form={planForm} materials={materials} />
          {plans.map((plan) => (
            <PlanRow key={plan.planId} plan={plan} titles={titles} onEdit={() => planForm.load(plan)} />
          ))}
        </>
      ) : (
        <>
          {!editor.draft && (
            <Button type="primary" block onClick={editor.startNew} data-testid="material-new">
              新建材料
            </Button>
          )}
          <MaterialEditor me={me} editor={editor} />
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
