import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { MonthStepper } from '../../../components/month-stepper';
import { RolePage } from '../../../components/role-page';
import { exportProgressText, useStatsExport } from '../../../hooks/use-stats-export';
import { shanghaiMonth, shiftMonth } from '../../../lib/month-step';
import { readParam } from '../../../services/stats-navigation';
import { Button } from '../../../ui/nut';
import './export.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function MonthRange({
  label,
  month,
  onChange,
  testId,
}: {
  label: string;
  month: string;
  onChange: (month: string) => void;
  testId: string;
}) {
  const latest = shanghaiMonth();
  return (
    <View className="stats-export__range">
      <View className="stats-export__label">{label}</View>
      <MonthStepper
        month={month}
        canNext={month < latest}
        onPrevious={() => onChange(shiftMonth(month, -1))}
        onNext={() => onChange(shiftMonth(month, 1))}
        testId={testId}
      />
    </View>
  );
}

function ExportForm({ nodeId, nodeName, month }: { nodeId?: string; nodeName?: string; month?: string }) {
  const end = month ?? shanghaiMonth();
  const [fromMonth, setFromMonth] = useState(end);
  const [toMonth, setToMonth] = useState(end);
  const { step, generate, retry, open } = useStatsExport();
  const busy = step.kind === 'generating';
  return (
    <View className="stats-export">
      <View className="stats-export__title">导出 Excel</View>
      <View className="stats-export__node" data-testid="export-node">
        范围：{nodeName ? `${nodeName}及其下级` : '您管理的全部组织'}
      </View>
      <MonthRange label="起始月份" month={fromMonth} onChange={setFromMonth} testId="export-from" />
      <MonthRange label="结束月份" month={toMonth} onChange={setToMonth} testId="export-to" />
      <View className="stats-export__hint">工作簿含：汇总、党员明细、主题党日、答题分析、年度数据五张表。</View>
      <Button
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={busy}
        onClick={() => void generate({ nodeId, fromMonth, toMonth })}
        data-testid="export-generate"
      >
        生成
      </Button>
      {busy && (
        <View className="stats-export__progress">
          <View data-testid="export-progress">{exportProgressText(step.progress)}</View>
          {step.progress && <View className="stats-export__hint">{step.progress.label}</View>}
        </View>
      )}
      {step.kind === 'error' && (
        <View className="stats-export__failed">
          <View className="stats-export__error" data-testid="export-error">
            {step.message}
            {step.progress && `（已完成 ${step.progress.done}/${step.progress.total} 步）`}
          </View>
          {step.canRetry && (
            <Button size="large" block onClick={() => void retry()} data-testid="export-retry">
              重试
            </Button>
          )}
        </View>
      )}
      {step.kind === 'done' && (
        <View className="stats-export__done" data-testid="export-done">
          <View className="stats-export__file" data-testid="export-file">
            {step.result.fileName}（{Math.max(1, Math.round(step.result.bytes / 1024))} KB）
          </View>
          <View className="stats-export__sheets">{step.result.sheets.map((sheet) => `${sheet.name} ${sheet.rows}行`).join(' · ')}</View>
          {!step.opened && (
            <View className="stats-export__error">文件已生成，但没能{IS_WEAPP ? '打开' : '下载'}，请点下面的按钮再试一次。</View>
          )}
          {IS_WEAPP ? (
            <Button size="large" block onClick={() => void open(step.result)} data-testid="export-open">
              重新打开
            </Button>
          ) : (
            <View className="stats-export__link" onClick={() => void open(step.result)} data-testid="export-link">
              下载 {step.result.fileName}
            </View>
          )}
          <View className="stats-export__hint">下载链接几小时内有效，过期请重新生成。</View>
        </View>
      )}
    </View>
  );
}

export default function AdminStatsExportPage() {
  const { params } = useRouter();
  return (
    <RolePage role={'admin'}>
      {() => <ExportForm nodeId={readParam(params.nodeId)} nodeName={readParam(params.nodeName)} month={readParam(params.month)} />}
    </RolePage>
  );
}
