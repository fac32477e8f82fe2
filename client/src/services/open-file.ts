/** Platform switch (see pick-roster-file.ts). */
export { openFile } from './open-file.h5';
