/**
 * Platform switch. Taro's build resolves `./invoke-function` to `invoke-function.weapp.ts` or
 * `invoke-function.h5.ts`; this fallback is what TypeScript and jest (no Taro resolver) see.
 */
export { invokeFunction } from './invoke-function.h5';
