import { useCallback, useState } from 'react';
import type { BindResult } from '@zbxx/contracts';
import * as account from '../services/account';
import { toAppError, type AppError } from '../services/app-error';
import { useRequestIdFor } from './use-request-id';
import { validateBindForm, type BindField, type BindFieldErrors, type BindForm, type BindMethod } from '../lib/validate-bind-form';

export interface BindFormState {
  form: BindForm;
  errors: BindFieldErrors;
  /** The server's answer when it refused (no match, too many attempts…), in its own Chinese words. */
  serverError: AppError | null;
  submitting: boolean;
  setMethod: (method: BindMethod) => void;
  setField: (field: BindField, value: string) => void;
  /** Resolves with the server's result, or null when the form was invalid or the server refused. */
  submit: () => Promise<BindResult | null>;
}

export interface BindFormDeps {
  bind?: typeof account.bind;
  /** Told when the server says this WeChat user is already bound or waiting: the session is stale. */
  onStale?: () => void;
}

/** Server refusals that mean "your session is out of date", not "your answers are wrong". */
const STALE_SESSION_CODES = new Set(['BIND.ALREADY_BOUND', 'BIND.PENDING']);

const EMPTY_FORM: BindForm = { method: 'phone', name: '', phoneLast4: '', inviteCode: '' };

export function useBindForm({ bind = account.bind, onStale }: BindFormDeps = {}): BindFormState {
  const [form, setForm] = useState<BindForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<BindFieldErrors>({});
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The same answers resent after a network failure keep their requestId, so the server counts them once.
  const request = useRequestIdFor();

  const setMethod = useCallback((method: BindMethod) => {
    setForm((current) => ({ ...current, method }));
    setErrors({});
    setServerError(null);
  }, []);

  const setField = useCallback((field: BindField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }, []);

  const submit = useCallback(async () => {
    if (submitting) return null;
    const validation = validateBindForm(form);
    if (!validation.ok) {
      setErrors(validation.errors);
      return null;
    }
    setErrors({});
    setServerError(null);
    setSubmitting(true);
    try {
      const result = await bind(validation.input, request.idFor(validation.input));
      request.settle();
      return result;
    } catch (error) {
      const appError = toAppError(error);
      // A definite refusal needs new answers next time; only a lost connection reuses the request.
      if (!appError.retryable) request.settle();
      setServerError(appError);
      if (STALE_SESSION_CODES.has(appError.code)) onStale?.();
      return null;
    } finally {
      setSubmitting(false);
    }
  }, [bind, onStale, form, submitting, request]);

  return { form, errors, serverError, submitting, setMethod, setField, submit };
}
