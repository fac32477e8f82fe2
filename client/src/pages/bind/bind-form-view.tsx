import { View } from '@tarojs/components';
import type { BindFormState } from '../../hooks/use-bind-form';
import type { BindField } from '../../lib/validate-bind-form';
import { Button, Input } from '../../ui/nut';

interface FieldProps {
  field: BindField;
  label: string;
  placeholder: string;
  type?: 'text' | 'number';
  maxLength: number;
  state: BindFormState;
}

function Field({ field, label, placeholder, type = 'text', maxLength, state }: FieldProps) {
  const error = state.errors[field];
  return (
    <View className="bind__field">
      <View className="bind__label">{label}</View>
      <Input
        className="bind__input"
        type={type}
        value={state.form[field]}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={(value) => state.setField(field, value)}
        data-testid={`bind-${field}`}
      />
      {error && (
        <View className="bind__error" data-testid={`bind-${field}-error`}>
          {error}
        </View>
      )}
    </View>
  );
}

/** The two ways to claim a roster entry: name + phone digits, or the branch's invite code + name. */
export function BindFormView(props: BindFormState & { onSubmit: () => void }) {
  const { form, serverError, submitting, setMethod, onSubmit } = props;
  return (
    <View className="bind">
      <View className="bind__intro">首次使用请绑定党员身份。请填写党员名册上的姓名，我们会核对您所在的支部。</View>
      <View className="bind__methods">
        <Button
          className="bind__method"
          type="primary"
          size="large"
          fill={form.method === 'phone' ? 'solid' : 'outline'}
          onClick={() => setMethod('phone')}
          data-testid="bind-method-phone"
        >
          姓名 + 手机号
        </Button>
        <Button
          className="bind__method"
          type="primary"
          size="large"
          fill={form.method === 'invite' ? 'solid' : 'outline'}
          onClick={() => setMethod('invite')}
          data-testid="bind-method-invite"
        >
          支部邀请码
        </Button>
      </View>

      <View className="bind__card">
        {form.method === 'invite' && (
          <Field field="inviteCode" label="支部邀请码" placeholder="向支部书记索取，6至8位" maxLength={8} state={props} />
        )}
        <Field field="name" label="姓名" placeholder="与党员名册一致" maxLength={20} state={props} />
        {form.method === 'phone' && (
          <Field field="phoneLast4" label="手机号后四位" placeholder="登记在名册上的手机号" type="number" maxLength={4} state={props} />
        )}
        {form.method === 'invite' && <View className="bind__hint">用邀请码绑定需要支部书记审核。</View>}
      </View>

      {serverError && (
        <View className="bind__server-error" data-testid="bind-server-error">
          {serverError.message}
        </View>
      )}

      <Button type="primary" size="large" block loading={submitting} onClick={onSubmit} data-testid="bind-submit">
        {submitting ? '正在提交…' : '确认绑定'}
      </Button>
    </View>
  );
}
