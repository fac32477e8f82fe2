/** Stand-ins for @tarojs/components: plain DOM elements, so tests see what a browser would. */
import { createElement, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

const as = (tag: string) =>
  function TaroStub({ children, ...props }: Props) {
    return createElement(tag, props, children);
  };

export const View = as('div');
export const Text = as('span');
export const Image = as('img');
/** A tap on `open-type="agreePrivacyAuthorization"` is WeChat's agree event, as on a phone. */
export function Button({ children, openType, onAgreePrivacyAuthorization, onClick, ...props }: Props) {
  const agree = openType === 'agreePrivacyAuthorization' ? onAgreePrivacyAuthorization : undefined;
  return createElement('button', { ...props, onClick: agree ?? onClick }, children);
}
export const Input = as('input');
