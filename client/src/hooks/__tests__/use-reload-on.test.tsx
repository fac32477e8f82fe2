import { act, render, screen } from '@testing-library/react';
import type { QuestionImportPreview } from '@zbxx/contracts';
import { notifyChanged, onChanged } from '../../lib/data-changes';
import { useAsync } from '../use-async';
import { useQuestionImport, type QuestionImportDeps } from '../use-question-import';
import { useReloadOn } from '../use-reload-on';

/** The bank as the server holds it: 151 questions until the import commits 4 more. */
function fakeBank() {
  let total = 151;
  const preview = { importId: 'imp-1', canCommit: true, addCount: 4 } as unknown as QuestionImportPreview;
  const deps: QuestionImportDeps = {
    pick: async () => ({ fileName: 'bank.xlsx', base64: 'AAAA' }),
    open: async () => undefined,
    service: {
      importPreview: async () => preview,
      importCommit: async () => {
        total += 4;
        return { importId: 'imp-1', added: 4 } as never;
      },
      questionTemplate: async () => ({ fileID: 'cloud://t', url: 'http://t', fileName: 't.xlsx' }),
    },
  };
  return { deps, preview, overview: async () => ({ total }) };
}

function BankTotal({ load }: { load: () => Promise<{ total: number }> }) {
  const { state, reload } = useAsync(load, []);
  useReloadOn(['questionBank'], reload);
  return <div data-testid="bank-total">{state.kind === 'ready' ? `共 ${state.data.total} 题` : '…'}</div>;
}

function ImportButton({ deps, preview }: { deps: QuestionImportDeps; preview: QuestionImportPreview }) {
  const { commit } = useQuestionImport(deps);
  return <button onClick={() => void commit(preview)}>确认导入</button>;
}

describe('views refresh after writes', () => {
  it('shows the bank total the server has right after an import commits, without a manual reload (was: 151 after importing 4)', async () => {
    const bank = fakeBank();
    render(
      <>
        <BankTotal load={bank.overview} />
        <ImportButton deps={bank.deps} preview={bank.preview} />
      </>,
    );
    expect(await screen.findByText('共 151 题')).toBeTruthy();
    await act(async () => {
      screen.getByText('确认导入').click();
    });
    expect(await screen.findByText('共 155 题')).toBeTruthy();
  });
});

describe('notifyChanged', () => {
  it('reloads a view once when several of its topics change together, and never after it unmounts', () => {
    let reloads = 0;
    const off = onChanged(['roster', 'orgTree'], () => (reloads += 1));
    notifyChanged('roster', 'orgTree');
    off();
    notifyChanged('roster');
    expect(reloads).toBe(1);
  });
});
