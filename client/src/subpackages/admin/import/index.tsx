import { View } from '@tarojs/components';
import type { ImportPreview } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useRosterImport } from '../../../hooks/use-roster-import';
import { ROUTES } from '../../../lib/routes';
import { open } from '../../../services/navigation';
import { Button } from '../../../ui/nut';
import './index.scss';

/** Rows shown on the phone; the server sends up to 200 of each kind. */
const SHOWN = 30;

function PreviewView({
  preview,
  busy,
  onCommit,
  onRepick,
}: {
  preview: ImportPreview;
  busy: boolean;
  onCommit: () => void;
  onRepick: () => void;
}) {
  return (
    <View className="roster-import__preview" data-testid="import-preview">
      <View className="roster-import__counts" data-testid="import-counts">
        共 {preview.totalRows} 行：新增 {preview.addCount} 人，更新 {preview.updateCount} 人，无变化 {preview.unchangedCount} 人
        {preview.errorCount > 0 && `，有错误 ${preview.errorCount} 处`}
      </View>

      {preview.errorCount > 0 && (
        <View className="roster-import__section">
          <View className="roster-import__heading roster-import__heading--error">请修改以下错误后重新上传（未导入任何数据）</View>
          {preview.errors.map((error) => (
            <View key={`${error.row}-${error.column}`} className="roster-import__error" data-testid="import-error">
              第{error.row}行 · {error.column}：{error.reason}
            </View>
          ))}
        </View>
      )}

      {preview.warnings.length > 0 && (
        <View className="roster-import__section">
          <View className="roster-import__heading roster-import__heading--warning">请核对（不影响导入）</View>
          {preview.warnings.map((warning) => (
            <View key={`${warning.row}-${warning.column}`} className="roster-import__warning" data-testid="import-warning">
              第{warning.row}行 · {warning.column}：{warning.reason}
            </View>
          ))}
        </View>
      )}

      {preview.addCount > 0 && (
        <View className="roster-import__section">
          <View className="roster-import__heading">将新增</View>
          {preview.toAdd.slice(0, SHOWN).map((row) => (
            <View key={row.row} className="roster-import__row" data-testid="import-add">
              第{row.row}行 {row.name} · {row.duty} · {row.branchName}
            </View>
          ))}
          {preview.addCount > SHOWN && <View className="roster-import__more">……另有 {preview.addCount - SHOWN} 人</View>}
        </View>
      )}

      {preview.updateCount > 0 && (
        <View className="roster-import__section">
          <View className="roster-import__heading">将更新</View>
          {preview.toUpdate.slice(0, SHOWN).map((row) => (
            <View key={row.row} className="roster-import__row" data-testid="import-update">
              第{row.row}行 {row.name}：{row.changes.map((c) => `${c.field} ${c.from || '（空）'} → ${c.to}`).join('；')}
            </View>
          ))}
        </View>
      )}

      <View className="roster-import__actions">
        {preview.canCommit && (
          <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={onCommit} data-testid="import-commit">
            确认导入
          </Button>
        )}
        <Button size="large" block disabled={busy} onClick={onRepick} data-testid="import-repick">
          重新选择文件
        </Button>
      </View>
    </View>
  );
}

function RosterImport() {
  const { step, pick, commit, reset, downloadTemplate, templateBusy } = useRosterImport();

  if (step.kind === 'done') {
    return (
      <View className="roster-import__done" data-testid="import-done">
        <View className="roster-import__done-title">导入完成</View>
        <View>
          新增 {step.added} 人，更新 {step.updated} 人
        </View>
        <Button type="primary" size="large" block onClick={() => open(ROUTES.adminRoster)} data-testid="import-to-roster">
          查看花名册
        </Button>
        <Button size="large" block onClick={reset}>
          继续导入
        </Button>
      </View>
    );
  }

  return (
    <View className="roster-import">
      <View className="roster-import__steps">
        <View className="roster-import__step">① 下载模板，按模板填写（姓名、性别、手机号、所在支部、职务、入党日期、备注）</View>
        <View className="roster-import__step">② 选择填好的 .xlsx 文件，先预览检查</View>
        <View className="roster-import__step">③ 确认无误后导入：全部成功或全部不导入</View>
      </View>
      <View className="roster-import__actions">
        <Button size="large" block loading={templateBusy} onClick={downloadTemplate} data-testid="import-template">
          下载模板
        </Button>
        {(step.kind === 'idle' || step.kind === 'error') && !('preview' in step && step.preview) && (
          <Button type="primary" size="large" block onClick={pick} data-testid="import-pick">
            选择花名册文件
          </Button>
        )}
      </View>
      {step.kind === 'reading' && <View className="roster-import__busy">正在读取和检查，请稍候…</View>}
      {step.kind === 'error' && (
        <ErrorState
          title={step.preview ? '导入未完成' : '无法导入'}
          error={step.error}
          onRetry={step.preview ? () => commit(step.preview!) : undefined}
        />
      )}
      {(step.kind === 'preview' || step.kind === 'committing') && (
        <PreviewView preview={step.preview} busy={step.kind === 'committing'} onCommit={() => commit(step.preview)} onRepick={pick} />
      )}
    </View>
  );
}

export default function RosterImportPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <RosterImport />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
