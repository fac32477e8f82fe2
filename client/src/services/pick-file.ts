/**
 * Platform switch. Taro's build resolves `./pick-file` to `pick-file.weapp.ts` or `pick-file.h5.ts`; this
 * fallback is what TypeScript and jest see.
 */
export { pickFile } from './pick-file.h5';
