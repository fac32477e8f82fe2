/**
 * JavaScript (for a child's `node -e` script) that evaluates to the process's peak resident memory in KB.
 * `process.resourceUsage().maxRSS` is no good in a child: Linux carries the parent's high-water mark across
 * fork + exec, so a small function process reported the bench's own 300+ MB. VmHWM belongs to the child's
 * own address space, created at exec.
 */
export const PEAK_RSS_KB_EXPRESSION =
  "(() => { const m = require('fs').readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\\s+(\\d+)/); return m ? Number(m[1]) : process.resourceUsage().maxRSS; })()";
