/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform Taro builds for; replaced by a constant at build time. */
    TARO_ENV?: 'weapp' | 'h5';
    /** Optional fixed cloud environment id (from client/.env.*); unset = the mini-program's current env. */
    TARO_APP_CLOUD_ENV?: string;
  }
}
