/**
 * Platform switch. Taro's build resolves `./pick-document` to `pick-document.weapp.ts` or
 * `pick-document.h5.ts`; this fallback is what TypeScript and jest see.
 */
export { pickDocument } from './pick-document.h5';
