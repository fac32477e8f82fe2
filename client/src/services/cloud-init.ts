/** Outside the mini-program there is no wx.cloud to initialise (h5 talks to devcloud over HTTP). */
export function initCloud(): void {}
