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
export const Button = as('button');
export const Input = as('input');
