import { fieldLabel } from '@zbxx/contracts';
import type { z } from 'zod';

const HAN = /\p{Script=Han}/u;
const SHOWN_KEYS = 3;
const clip = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * One Chinese sentence for the first problem zod found, naming the field ("「手机号后4位」格式不正确"), so the
 * person filling the form knows what to fix. `root` is the value that was parsed, to tell "missing" from "wrong".
 */
export function describeInputIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const label = `「${clip(fieldLabel(issue.path))}」`;
  const chinese = HAN.test(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(root, issue.path) === undefined ? `缺少${label}` : `${label}类型不正确`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${label}不能为空` : `${label}至少${issue.minimum}个字`;
      if (issue.origin === 'array') return `${label}至少${issue.minimum}项`;
      return `${label}不能小于${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `${label}不能超过${issue.maximum}个字`;
      if (issue.origin === 'array') return `${label}不能超过${issue.maximum}项`;
      return `${label}不能大于${issue.maximum}`;
    case 'invalid_format':
      return chinese ? `${label}${issue.message}` : `${label}格式不正确`;
    case 'invalid_value':
    case 'invalid_union':
      return `${label}取值不正确`;
    case 'unrecognized_keys': {
      // Name a few, clipped: the reply must not echo whatever a caller sent back at full length.
      const shown = issue.keys.slice(0, SHOWN_KEYS).map(clip).join('、');
      return `不支持的字段：${shown}${issue.keys.length > SHOWN_KEYS ? ` 等${issue.keys.length}个` : ''}`;
    }
    case 'custom':
      return chinese ? issue.message : `${label}不符合要求`;
    default:
      return `${label}不符合要求`;
  }
}
