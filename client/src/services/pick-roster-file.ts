/**
 * Platform switch. Taro's build resolves `./pick-roster-file` to the `.weapp.ts` or `.h5.ts` file; this
 * fallback is what TypeScript and jest see.
 */
export { pickRosterFile } from './pick-roster-file.h5';
