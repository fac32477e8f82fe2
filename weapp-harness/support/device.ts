/**
 * What the phone answers when the app asks for a device capability. Each test scripts the answers it expects
 * to be asked for; an unscripted ask fails the test, so a journey cannot silently take another path.
 */
export type Outcome =
  | { kind: 'success'; result: Record<string, unknown> | ((options: Record<string, unknown>) => Record<string, unknown>) }
  | { kind: 'cancel' }
  | { kind: 'denied' }
  | { kind: 'failure'; errMsg?: string };

export const success = (result: Extract<Outcome, { kind: 'success' }>['result'] = {}): Outcome => ({ kind: 'success', result });
/** The member's answer in WeChat's subscribe dialog, for every template the app asked about. */
export const subscribe = (answer: 'accept' | 'reject'): Outcome =>
  success((options) => Object.fromEntries(((options.tmplIds as string[] | undefined) ?? []).map((id) => [id, answer])));
export const cancel: Outcome = { kind: 'cancel' };
export const denied: Outcome = { kind: 'denied' };
export const failure = (errMsg?: string): Outcome => ({ kind: 'failure', errMsg });

/** The capabilities a user answers (or the OS answers for them): scripted, never defaulted. */
export const DEVICE_APIS = [
  'scanCode',
  'getLocation',
  'chooseLocation',
  'chooseMessageFile',
  'chooseMedia',
  'openDocument',
  'requestSubscribeMessage',
  'setClipboardData',
  'authorize',
] as const;
export type DeviceApi = (typeof DEVICE_APIS)[number];

export interface DeviceCall {
  api: string;
  options: Record<string, unknown>;
}

export class DeviceScript {
  private readonly queues = new Map<string, Outcome[]>();
  /** Every device ask, in order, with its options (for assertions such as "camera only"). */
  readonly calls: DeviceCall[] = [];
  /** Asks nobody scripted: reported by the harness at the end of the test. */
  readonly unscripted: DeviceCall[] = [];

  /** Queues answers for `api`, used in order. */
  script(api: DeviceApi | 'uploadFile' | 'downloadFile', ...outcomes: Outcome[]): this {
    this.queues.set(api, [...(this.queues.get(api) ?? []), ...outcomes]);
    return this;
  }

  /** The next scripted answer, or undefined (which the caller turns into a failure it records). */
  take(api: string, options: Record<string, unknown>): Outcome | undefined {
    this.calls.push({ api, options });
    const outcome = this.queues.get(api)?.shift();
    if (!outcome) this.unscripted.push({ api, options });
    return outcome;
  }

  /** Whether a scripted answer is waiting (uploadFile/downloadFile default to moving real bytes). */
  has(api: string): boolean {
    return (this.queues.get(api)?.length ?? 0) > 0;
  }

  pending(): string[] {
    return [...this.queues].flatMap(([api, list]) => list.map(() => api));
  }
}

/** WeChat's errMsg for each outcome: what the app's catch blocks actually see on a phone. */
export function failureOf(api: string, outcome: Exclude<Outcome, { kind: 'success' }>): { errMsg: string; errno?: number } {
  switch (outcome.kind) {
    case 'cancel':
      return { errMsg: `${api}:fail cancel` };
    case 'denied':
      // 103: the user refused the scope before (系统/用户拒绝授权), as the base library reports it.
      return { errMsg: `${api}:fail auth deny`, errno: 103 };
    case 'failure':
      return { errMsg: `${api}:fail ${outcome.errMsg ?? 'system error'}` };
  }
}
