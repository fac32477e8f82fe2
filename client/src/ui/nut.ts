/**
 * The NutUI components this app uses, each with its own stylesheet. Importing per component (not the
 * library entry and its full stylesheet) keeps the weapp main package small (TOOLCHAIN.md: 545 KB → 330 KB).
 */
import { configure as configureIcons } from '@nutui/icons-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';

// NutUI icons (Button's loading spinner, Input's clear icon) draw an <i> by default; Taro's base.wxml has no
// template for <i>, so on a phone they drew nothing (wcc: `Template "tmpl_0_i" not found`). A view draws the same
// SVG mask. NutUI's own setting, not extra templates: no bytes added (weapp-harness keeps a test on it).
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' });

export { default as ConfigProvider } from '@nutui/nutui-react-taro/dist/es/packages/configprovider';
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input';
export { default as Skeleton } from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
