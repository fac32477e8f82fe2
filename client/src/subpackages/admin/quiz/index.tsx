import { View } from '@tarojs/components';
import type { QuestionImportPreview } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useAsync } from '../../../hooks/use-async';
import { useQuestionImport } from '../../../hooks/use-question-import';
import { useReloadOn } from '../../../hooks/use-reload-on';
import { QUESTION_TYPE_NAMES } from '../../../lib/quiz-answers';
import { quizService } from '../../../services/quiz';
import { Button } from '../../../ui/nut';
import './index.scss';

function Preview({ preview, busy, onCommit }: { preview: QuestionImportPreview; busy: boolean; onCommit: () => void }) {
  return (
    <View className="bank__preview" data-testid="question-preview">
      <View className="bank__line">
        共 {preview.totalRows} 题：可导入 {preview.addCount} 题，题库已有 {preview.duplicateCount} 题（跳过），有误 {preview.errorCount} 题
      </View>
      {preview.errors.map((error) => (
        <View key={`${error.row}-${error.column}`} className="bank__error">
          第 {error.row} 行「{error.column}」：{error.reason}
        </View>
      ))}
      {preview.toAdd.slice(0, 20).map((q) => (
        <View key={q.row} className="bank__row">
          第 {q.row} 行 · {QUESTION_TYPE_NAMES[q.type]} · {q.category} · 答案 {q.answer}
          <View className="bank__stem">{q.stem}</View>
        </View>
      ))}
      {preview.canCommit ? (
        <Button type="primary" block loading={busy} data-testid="question-commit" onClick={onCommit}>
          确认导入 {preview.addCount} 题
        </Button>
      ) : (
        <View className="bank__error">请修改表格中有误的行后重新上传，本次不会写入任何题目。</View>
      )}
    </View>
  );
}

function Bank() {
  const overview = useAsync(() => quizService.bankOverview(), []);
  useReloadOn(['questionBank'], overview.reload);
  const { step, pick, commit, downloadTemplate } = useQuestionImport();
  return (
    <View className="bank">
      <View className="bank__title">党规题库</View>
      {overview.state.kind === 'loading' && <LoadingSkeleton cards={1} />}
      {overview.state.kind === 'error' && <ErrorState error={overview.state.error} onRetry={overview.reload} />}
      {overview.state.kind === 'ready' && (
        <View className="bank__overview" data-testid="bank-overview">
          <View className="bank__line">共 {overview.state.data.total} 题</View>
          {overview.state.data.categories.map((c) => (
            <View key={c.category} className="bank__category">
              {c.category}：{c.count} 题
            </View>
          ))}
        </View>
      )}
      <View className="bank__section">导入题库（.xlsx）</View>
      <View className="bank__hint">
        支持本系统模板，以及常见问卷、考试工具导出的表格（题目、题型、选项A…选项F、答案、解析、分类）。先预览，确认后一次全部写入。
      </View>
      <View className="bank__actions">
        <Button onClick={() => void downloadTemplate()}>下载模板</Button>
        <Button type="primary" data-testid="question-pick" onClick={() => void pick()}>
          选择文件
        </Button>
      </View>
      {step.kind === 'reading' && <LoadingSkeleton cards={1} />}
      {(step.kind === 'preview' || step.kind === 'committing') && (
        <Preview preview={step.preview} busy={step.kind === 'committing'} onCommit={() => void commit(step.preview)} />
      )}
      {step.kind === 'done' && (
        <View className="bank__done" data-testid="question-done">
          已导入 {step.added} 题
        </View>
      )}
      {step.kind === 'error' && <ErrorState error={step.error} onRetry={step.preview ? () => void commit(step.preview!) : undefined} />}
    </View>
  );
}

export default function AdminQuizPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <Bank />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
