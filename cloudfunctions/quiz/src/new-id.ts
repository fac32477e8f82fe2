/** A document id such as `qimp-k3x9…`: 16 base-36 characters from the function's random source. */
export function newId(prefix: string, random: () => number): string {
  let id = '';
  for (let i = 0; i < 16; i += 1) id += Math.floor(random() * 36).toString(36);
  return `${prefix}-${id}`;
}
