/**
 * Stand-in for src/ui/nut.ts (our NutUI surface). NutUI ships untranspiled ESM that jest would have to
 * compile; the tests care about our behaviour, so these render plain elements with the same props.
 */
import type { ReactNode } from 'react';

interface ButtonProps {
  children?: ReactNode;
  onClick?: () => void;
  loading?: boolean;
  disabled?: boolean;
  'data-testid'?: string;
}

export function Button({ children, onClick, loading, disabled, ...rest }: ButtonProps & Record<string, unknown>) {
  return (
    <button type="button" disabled={disabled || loading} onClick={onClick} data-testid={rest['data-testid'] as string}>
      {children}
    </button>
  );
}

interface InputProps {
  value?: string;
  placeholder?: string;
  onChange?: (value: string) => void;
  'data-testid'?: string;
}

export function Input({ value, placeholder, onChange, ...rest }: InputProps & Record<string, unknown>) {
  return (
    <input
      value={value}
      placeholder={placeholder}
      onChange={(event) => onChange?.(event.target.value)}
      data-testid={rest['data-testid'] as string}
    />
  );
}

export function ConfigProvider({ children }: { children?: ReactNode }) {
  return <div>{children}</div>;
}

export function Skeleton() {
  return <div aria-hidden="true" />;
}
