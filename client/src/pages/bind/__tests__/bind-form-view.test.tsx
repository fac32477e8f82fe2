import { act, fireEvent, render, screen } from '@testing-library/react';
import type { BindInput, BindResult } from '@zbxx/contracts';
import { useBindForm } from '../../../hooks/use-bind-form';
import { AppError } from '../../../services/app-error';
import { BindFormView } from '../bind-form-view';

function Harness({ bind, onResult }: { bind: (input: BindInput) => Promise<BindResult>; onResult: (r: BindResult) => void }) {
  const form = useBindForm({ bind });
  return (
    <BindFormView
      {...form}
      onSubmit={async () => {
        const result = await form.submit();
        if (result) onResult(result);
      }}
    />
  );
}

describe('bind form', () => {
  it('shows Chinese messages under the fields when submitted empty', async () => {
    render(<Harness bind={async () => Promise.reject(new Error('must not be called'))} onResult={() => {}} />);

    await act(async () => fireEvent.click(screen.getByTestId('bind-submit')));

    expect(screen.getByTestId('bind-name-error').textContent).toBe('请填写姓名');
    expect(screen.getByTestId('bind-phoneLast4-error').textContent).toBe('请填写手机号后四位');
  });

  it('switches to the invite code and shows the server refusal', async () => {
    const sent: BindInput[] = [];
    const bind = async (input: BindInput): Promise<BindResult> => {
      sent.push(input);
      throw new AppError('BIND.NO_MATCH', '未找到匹配的党员信息，请核对后重试');
    };
    render(<Harness bind={bind} onResult={() => {}} />);

    fireEvent.click(screen.getByTestId('bind-method-invite'));
    expect(screen.queryByTestId('bind-phoneLast4')).toBeNull();
    fireEvent.change(screen.getByTestId('bind-inviteCode'), { target: { value: 'AB12CD' } });
    fireEvent.change(screen.getByTestId('bind-name'), { target: { value: '李梅' } });
    await act(async () => fireEvent.click(screen.getByTestId('bind-submit')));

    expect(sent).toEqual([{ method: 'invite', name: '李梅', inviteCode: 'AB12CD' }]);
    expect(screen.getByTestId('bind-server-error').textContent).toBe('未找到匹配的党员信息，请核对后重试');
  });

  it('hands a successful result to the page', async () => {
    const results: BindResult[] = [];
    render(<Harness bind={async () => ({ status: 'pending', branchName: '城关镇第一党支部' })} onResult={(r) => results.push(r)} />);

    fireEvent.change(screen.getByTestId('bind-name'), { target: { value: '王建国' } });
    fireEvent.change(screen.getByTestId('bind-phoneLast4'), { target: { value: '1234' } });
    await act(async () => fireEvent.click(screen.getByTestId('bind-submit')));

    expect(results).toEqual([{ status: 'pending', branchName: '城关镇第一党支部' }]);
  });
});
