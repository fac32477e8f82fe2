/**
 * What no answer may carry, as pure checks over a reply's JSON. Each returns the offending paths
 * (`data.questions[2].key`), empty when clean.
 */

export type JsonPath = string;

function walk(
  value: unknown,
  visit: (value: unknown, path: JsonPath, key: string | null) => void,
  path: JsonPath = '',
  key: string | null = null,
): void {
  visit(value, path, key);
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, visit, `${path}[${i}]`, null));
  else if (value !== null && typeof value === 'object') {
    for (const [k, item] of Object.entries(value)) walk(item, visit, path ? `${path}.${k}` : k, k);
  }
}

// ── answer keys before submission ─────────────────────────────────────────────────────────────────────────

/**
 * Field names that carry a key or what gives it away: `answer`, `key(s)`, `correct…` (correctAnswer,
 * correctCount …), and the explanation and citation (they quote the right option). The member's own
 * `answers` (their selections) are not among them.
 */
const KEY_FIELD = /^(answer|keys?|correct\w*|explanation|citation|outcomes?|order)$/i;

export function keyFields(value: unknown): JsonPath[] {
  const found: JsonPath[] = [];
  walk(value, (_v, path, key) => {
    if (key !== null && KEY_FIELD.test(key)) found.push(path);
  });
  return found;
}

const LABELS = 'ABCDEFGHIJ';

/** One question of an unfinished paper (a quiz attempt or a 补学 paper) as the server stores it. */
export interface StoredPaperItem {
  questionId: string;
  /** Canonical option ids in this paper's display order. */
  order: readonly string[];
  key: readonly string[];
}

/** The key of a stored question as the phone would see it: display labels, sorted ("B", "ACD"). */
export function keyLabels(item: StoredPaperItem): string {
  return item.key
    .map((id) => LABELS[item.order.indexOf(id)] ?? '?')
    .sort()
    .join('');
}

const SAFE_QUESTION_FIELDS = new Set(['id', 'questionId', 'type', 'stem', 'options', 'points']);

const asLabels = (value: unknown): string | null => {
  if (typeof value === 'string' && /^[A-J]+$/.test(value)) return [...value].sort().join('');
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && /^[A-J]$/.test(v)))
    return [...(value as string[])].sort().join('');
  return null;
};

/**
 * Where a reply states the key of an unfinished paper's question: any field beside a question's id (other
 * than its public fields) holding exactly the key's labels, or an `answers` entry that differs from what the
 * member saved (the server must echo the member's selections, never fill them in).
 * `saved` holds the member's saved selections in display labels, by question id.
 */
export function keyValueLeaks(value: unknown, items: readonly StoredPaperItem[], saved: Readonly<Record<string, string>> = {}): JsonPath[] {
  const keys = new Map(items.map((item) => [item.questionId, keyLabels(item)]));
  const found: JsonPath[] = [];
  walk(value, (node, path, key) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const record = node as Record<string, unknown>;
    const id = typeof record.questionId === 'string' ? record.questionId : typeof record.id === 'string' ? record.id : null;
    const questionKey = id === null ? undefined : keys.get(id);
    if (questionKey !== undefined) {
      for (const [field, fieldValue] of Object.entries(record)) {
        if (!SAFE_QUESTION_FIELDS.has(field) && asLabels(fieldValue) === questionKey) found.push(`${path}.${field}`);
      }
    }
    if (key === 'answers') {
      for (const [questionId, answer] of Object.entries(record)) {
        if (keys.has(questionId) && (asLabels(answer) ?? '') !== (saved[questionId] ?? '')) found.push(`${path}.${questionId}`);
      }
    }
  });
  return found;
}

// ── phone numbers ──────────────────────────────────────────────────────────────────────────────────────────

/** Mainland mobile numbers, not as part of a longer digit run (timestamps, ids). */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

export function phoneNumbers(value: unknown): string[] {
  return [...new Set(JSON.stringify(value ?? null).match(MOBILE) ?? [])];
}

// ── other members' records ─────────────────────────────────────────────────────────────────────────────────

/** What identifies another member's private records, from the database. */
export interface OthersPrivate {
  /** Every member id except the caller's. */
  memberIds: ReadonlySet<string>;
  openids: ReadonlySet<string>;
  /** Full and masked phones of the others (138****1234). */
  phones: ReadonlySet<string>;
  /** Their quiz attempt, 补学 paper and progress document ids. */
  recordIds: ReadonlySet<string>;
  /** Their leave reasons (free text they typed), minus any the caller also used. */
  leaveReasons: ReadonlySet<string>;
}

/**
 * A plain member's reply may name other people (a leaderboard's branches, the secretary who marked them) but
 * carries no other member's records: no other memberId or openid, no other member's phone (full or masked),
 * quiz attempt, 补学 paper or reading record, no other member's leave reason.
 */
export function othersRecords(value: unknown, others: OthersPrivate): JsonPath[] {
  const found: JsonPath[] = [];
  walk(value, (node, path) => {
    if (typeof node !== 'string') return;
    if (others.memberIds.has(node) || others.openids.has(node) || others.recordIds.has(node)) found.push(`${path} = ${node}`);
    else if (others.phones.has(node) || others.leaveReasons.has(node)) found.push(`${path} = ${node}`);
  });
  return found;
}
