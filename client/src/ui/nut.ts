/**
 * The NutUI components this app uses, each with its own stylesheet. Importing per component (not the
 * library entry and its full stylesheet) keeps the weapp main package small (TOOLCHAIN.md: 545 KB → 330 KB).
 */
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';

export { default as ConfigProvider } from '@nutui/nutui-react-taro/dist/es/packages/configprovider';
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input';
export { default as Skeleton } from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
