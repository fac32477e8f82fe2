import { generateInviteCode, normalizePersonName, orgPathOf, phoneLast4, type RoleGrant } from '@zbxx/domain';
import type { BindingDoc, MemberDoc, OrgDoc } from '@zbxx/server';
import { BranchNamer, committeeTemplate, COUNTY_NAME } from './org-names';
import { personName, pickGender, type Gender } from './person-names';
import { intBetween, pick, seededRandom, type Random } from './random';
import { generateQuiz, type DemoQuizCollections } from './quiz-rounds';
import { demoStudyMonth, generateStudy, type DemoStudyCollections } from './study-plans';
import { generateCheckin, type DemoCheckinCollections } from './checkin-events';
import { applyStatsEdgeCases, type DemoStatsCollections } from './stats-edge-cases';
import { generateLiveMonth } from './live-month';
import type { QuizAttemptDoc } from '@zbxx/server';

export interface CountyOptions {
  /** Roster size, fixed identities included. */
  members?: number;
  branches?: number;
  committees?: number;
  seed?: number;
  /** Stamped on every document's `createdAt`; fixed by default so the output depends on the seed only. */
  now?: Date;
  /** The 每月一学 "this month" (YYYY-MM); by default the real current month, so the demo is never stale. */
  studyMonth?: string;
  /**
   * The demo's "today" (an event is open all day in demo-secretary's branch; "this month" for study and quiz
   * unless `studyMonth` says otherwise); by default the real today. Tests always pass it.
   */
  today?: Date;
  /** Adds the month-statistics edge cases (a mid-month transfer, 补学 after 请假, a retired branch): see stats-edge-cases.ts. */
  statsEdgeCases?: boolean;
  /**
   * The running month as of `today` already under way: some members have read and answered, some branches
   * held their 主题党日 (`live-month.ts`). Off by default, so tests that count the demo are unaffected;
   * `npm start` turns it on so a newcomer's dashboard shows real current-month rates.
   */
  liveMonth?: boolean;
}

export interface DemoCollections extends DemoStudyCollections, DemoQuizCollections, DemoCheckinCollections, DemoStatsCollections {
  orgs: OrgDoc[];
  members: MemberDoc[];
  bindings: BindingDoc[];
  /** Only with `liveMonth`: the running month's finished attempts. */
  quizAttempts?: QuizAttemptDoc[];
}

export interface DemoCounty {
  collections: DemoCollections;
}

export const DEFAULT_COUNTY_OPTIONS = { members: 240, branches: 12, committees: 3, seed: 20250701 } as const;
const DEFAULT_NOW = new Date('2025-03-01T00:00:00.000Z');

/** The OPENIDs the dev identity picker offers; everything else a tester types is an unbound WeChat user. */
export const DEMO_OPENIDS = {
  admin: 'demo-admin',
  admin2: 'demo-admin-2',
  secretary: 'demo-secretary',
  secretary2: 'demo-secretary-2',
  member: 'demo-member',
  member2: 'demo-member-2',
  pending: 'demo-pending',
  unbound: 'demo-unbound',
} as const;

/** A roster entry left unbound on purpose, documented in the README so binding can be tried by hand. */
export const DEMO_UNBOUND_ENTRY = { name: '孙桂兰', phone: '13905172468', phoneLast4: '2468' } as const;

/** The name the pending demo user typed with demo-secretary's branch invite code (not on the roster). */
const DEMO_PENDING_NAME = '赵小川';

interface FixedPerson {
  openid: string | null;
  name: string;
  gender: Gender;
  phone?: string;
  duty: string;
  /** Where the person sits, as a slot: committee index and branch slot within it. */
  committee: number;
  slot: number;
  grants: (ids: { county: string; committee: string; branch: string }) => RoleGrant[];
  secretary?: boolean;
}

// Committee 0 is 城关镇党委 (slot 0 its office branch, slot 1 东关社区), 1 is 县直机关工委 (slot 0 县委组织部机关党支部,
// slot 1 县财政局机关党支部), 2 is 经济开发区党工委 (slot 0 管委会机关党支部).
const FIXED_PEOPLE: readonly FixedPerson[] = [
  {
    openid: DEMO_OPENIDS.admin,
    name: '林晓梅',
    gender: 'female',
    duty: '组织部干部科科长',
    committee: 1,
    slot: 0,
    grants: (o) => [{ role: 'admin', orgId: o.county }],
  },
  {
    openid: DEMO_OPENIDS.admin2,
    name: '刘洋',
    gender: 'male',
    duty: '镇党委组织委员',
    committee: 0,
    slot: 0,
    grants: (o) => [{ role: 'admin', orgId: o.committee }],
  },
  {
    openid: DEMO_OPENIDS.secretary,
    name: '王建华',
    gender: 'male',
    duty: '党支部书记',
    committee: 0,
    slot: 1,
    secretary: true,
    grants: (o) => [{ role: 'secretary', orgId: o.branch }],
  },
  {
    openid: DEMO_OPENIDS.secretary2,
    name: '陈志强',
    gender: 'male',
    duty: '党支部书记',
    committee: 1,
    slot: 1,
    secretary: true,
    grants: (o) => [{ role: 'secretary', orgId: o.branch }],
  },
  { openid: DEMO_OPENIDS.member, name: '李秀英', gender: 'female', duty: '党员', committee: 0, slot: 1, grants: () => [] },
  { openid: DEMO_OPENIDS.member2, name: '张丽', gender: 'female', duty: '党员', committee: 2, slot: 0, grants: () => [] },
  {
    openid: null,
    name: DEMO_UNBOUND_ENTRY.name,
    gender: 'female',
    phone: DEMO_UNBOUND_ENTRY.phone,
    duty: '党员',
    committee: 0,
    slot: 1,
    grants: () => [],
  },
];
const FIXED_NAME_KEYS = new Set([...FIXED_PEOPLE.map((p) => p.name), DEMO_PENDING_NAME].map(normalizePersonName));

// Number segments of the three carriers; enough variety to look real.
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '198',
  '199',
];
const COMMITTEE_DUTIES = ['组织委员', '宣传委员', '纪检委员'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

class PhoneBook {
  private readonly used = new Set<string>([DEMO_UNBOUND_ENTRY.phone]);

  constructor(private readonly random: Random) {}

  next(): string {
    for (;;) {
      const phone = pick(this.random, PHONE_PREFIXES) + pad(Math.floor(this.random() * 1e8), 8);
      if (!this.used.has(phone)) {
        this.used.add(phone);
        return phone;
      }
    }
  }
}

/** 入党日期: 1975–2024, with a bump on 七一 (July 1st) when many branches admit new members. */
function joinedPartyOn(random: Random): string {
  const year = intBetween(random, 1975, 2024);
  if (random() < 0.15) return `${year}-07-01`;
  return `${year}-${pad(intBetween(random, 1, 12), 2)}-${pad(intBetween(random, 1, 28), 2)}`;
}

/** Splits `total` over `count` buckets by random weights (±40 %), every bucket at least `min`. */
function spread(random: Random, total: number, count: number, min: number): number[] {
  const weights = Array.from({ length: count }, () => 0.6 + random() * 0.8);
  const free = total - min * count;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * free);
  const sizes = exact.map((x) => Math.floor(x));
  let left = free - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    sizes[i] = (sizes[i] ?? 0) + 1;
  }
  return sizes.map((size) => size + min);
}

/**
 * The demo county: 清河县委组织部 → 3 committees (城关镇党委, 县直机关工委, 经济开发区党工委, more towns at scale) →
 * 党总支 where institutions have several branches → 党支部, and a roster with a secretary per branch and fixed
 * demo identities already bound (see DEMO_OPENIDS). Pure and deterministic: the same options give the same
 * documents. 20,000 members / 600 branches take well under a second.
 */
export function generateCounty(options: CountyOptions = {}): DemoCounty {
  const { members: memberCount, branches: branchCount, committees: committeeCount, seed } = { ...DEFAULT_COUNTY_OPTIONS, ...options };
  const now = options.now ?? DEFAULT_NOW;
  if (committeeCount < 3) throw new Error('generateCounty: at least 3 committees (the demo identities live in the first three)');
  if (branchCount < committeeCount * 2) throw new Error('generateCounty: at least two branches per committee');
  const minPerBranch = 3;
  if (memberCount < branchCount * minPerBranch + FIXED_PEOPLE.length) {
    throw new Error(`generateCounty: at least ${branchCount * minPerBranch + FIXED_PEOPLE.length} members for ${branchCount} branches`);
  }

  const random = seededRandom(seed);
  const orgs: OrgDoc[] = [];
  const inviteCodes = new Set<string>();
  const uniqueInviteCode = (): string => {
    for (;;) {
      const code = generateInviteCode(random);
      if (!inviteCodes.has(code)) {
        inviteCodes.add(code);
        return code;
      }
    }
  };

  const county: OrgDoc = {
    _id: 'org-county',
    name: `${COUNTY_NAME}委组织部`,
    type: 'county',
    parentId: null,
    ancestors: [],
    order: 0,
    createdAt: now,
  };
  orgs.push(county);

  // Branches go round-robin over committees, so every committee has slots 0 and 1 (the fixed identities' seats).
  const slotsPerCommittee = Array.from(
    { length: committeeCount },
    (_, c) => Math.floor(branchCount / committeeCount) + (c < branchCount % committeeCount ? 1 : 0),
  );
  const branchAt: OrgDoc[][] = [];
  let branchSeq = 0;
  let generalSeq = 0;
  for (let c = 0; c < committeeCount; c += 1) {
    const template = committeeTemplate(c);
    const committee: OrgDoc = {
      _id: `org-c${pad(c + 1, 2)}`,
      name: template.name,
      type: 'committee',
      parentId: county._id,
      ancestors: [county._id],
      order: c,
      createdAt: now,
    };
    orgs.push(committee);
    const namer = new BranchNamer(random, template);
    const generals = new Map<string, OrgDoc>();
    const branches: OrgDoc[] = [];
    for (let slot = 0; slot < (slotsPerCommittee[c] ?? 0); slot += 1) {
      const plan = namer.plan(slot);
      let parent = committee;
      if (plan.generalName) {
        let general = generals.get(plan.generalName);
        if (!general) {
          generalSeq += 1;
          general = {
            _id: `org-g${pad(generalSeq, 3)}`,
            name: plan.generalName,
            type: 'general',
            parentId: committee._id,
            ancestors: orgPathOf({ id: committee._id, ancestors: committee.ancestors }),
            order: slot,
            createdAt: now,
          };
          generals.set(plan.generalName, general);
          orgs.push(general);
        }
        parent = general;
      }
      branchSeq += 1;
      const branch: OrgDoc = {
        _id: `org-b${pad(branchSeq, 4)}`,
        name: plan.name,
        type: 'branch',
        parentId: parent._id,
        ancestors: orgPathOf({ id: parent._id, ancestors: parent.ancestors }),
        order: slot,
        inviteCode: uniqueInviteCode(),
        createdAt: now,
      };
      branches.push(branch);
      orgs.push(branch);
    }
    branchAt.push(branches);
  }
  const allBranches = branchAt.flat();

  // Roster: fixed people first in their seats, then generated people until each branch has its size.
  const sizes = spread(random, memberCount, allBranches.length, minPerBranch);
  const phones = new PhoneBook(random);
  const members: MemberDoc[] = [];
  const bindings: BindingDoc[] = [];
  let memberSeq = 0;
  const addMember = (
    branch: OrgDoc,
    person: { name: string; gender: Gender; phone?: string; duty: string; roles: RoleGrant[]; openid: string | null },
  ) => {
    memberSeq += 1;
    const phone = person.phone ?? phones.next();
    const member: MemberDoc = {
      _id: `m-${pad(memberSeq, 6)}`,
      name: person.name,
      nameKey: normalizePersonName(person.name),
      gender: person.gender,
      phone,
      phoneLast4: phoneLast4(phone),
      branchId: branch._id,
      orgPath: orgPathOf({ id: branch._id, ancestors: branch.ancestors }),
      roles: person.roles,
      duty: person.duty,
      joinedPartyOn: joinedPartyOn(random),
      createdAt: now,
      ...(person.openid ? { openid: person.openid, boundAt: now } : {}),
    };
    members.push(member);
    if (person.openid) bindings.push({ _id: person.openid, status: 'bound', memberId: member._id, method: 'seed', createdAt: now });
    return member;
  };

  const seated = new Map<string, { count: number; hasSecretary: boolean }>();
  for (const person of FIXED_PEOPLE) {
    const branch = branchAt[person.committee]?.[person.slot];
    const committee = orgs.find((org) => org._id === `org-c${pad(person.committee + 1, 2)}`);
    if (!branch || !committee) throw new Error(`generateCounty: no seat for ${person.name}`);
    const roles = person.grants({ county: county._id, committee: committee._id, branch: branch._id });
    addMember(branch, { ...person, roles });
    const seat = seated.get(branch._id) ?? { count: 0, hasSecretary: false };
    seated.set(branch._id, { count: seat.count + 1, hasSecretary: seat.hasSecretary || person.secretary === true });
  }

  const generatedName = (gender: Gender): string => {
    for (;;) {
      const name = personName(random, gender);
      // Keeps the documented demo people unambiguous: nobody generated shares their names.
      if (!FIXED_NAME_KEYS.has(normalizePersonName(name))) return name;
    }
  };
  const targets = fitSizes(
    sizes,
    allBranches.map((branch) => {
      const seat = seated.get(branch._id);
      return (seat?.count ?? 0) + (seat?.hasSecretary ? 0 : 1);
    }),
    memberCount,
  );
  allBranches.forEach((branch, i) => {
    const seat = seated.get(branch._id) ?? { count: 0, hasSecretary: false };
    let dutyIndex = 0;
    const size = targets[i] ?? minPerBranch;
    for (let n = seat.count; n < size; n += 1) {
      const isSecretary = !seat.hasSecretary && n === seat.count;
      const duty = isSecretary ? '党支部书记' : size >= 5 && dutyIndex < COMMITTEE_DUTIES.length ? COMMITTEE_DUTIES[dutyIndex++]! : '党员';
      const gender = pickGender(random);
      addMember(branch, {
        name: generatedName(gender),
        gender,
        duty,
        roles: isSecretary ? [{ role: 'secretary', orgId: branch._id }] : [],
        openid: null,
      });
    }
  });

  const demoBranch = branchAt[0]?.[1];
  if (!demoBranch) throw new Error('generateCounty: demo branch missing');
  bindings.push({
    _id: DEMO_OPENIDS.pending,
    status: 'pending',
    method: 'invite',
    branchId: demoBranch._id,
    branchName: demoBranch.name,
    name: DEMO_PENDING_NAME,
    nameKey: normalizePersonName(DEMO_PENDING_NAME),
    candidateMemberId: null,
    createdAt: now,
  });

  // One reading of the clock for everything: "this month" is the month of the demo's today.
  const today = options.today ?? new Date();
  const study = generateStudy({ orgs, members, currentMonth: options.studyMonth ?? demoStudyMonth(today), seed });
  const quiz = generateQuiz({ orgs, currentMonth: options.studyMonth ?? demoStudyMonth(today) });
  const checkin = generateCheckin({ orgs, members, studyPlans: study.studyPlans, today, seed, liveMonth: options.liveMonth === true });
  const stats = applyStatsEdgeCases({
    enabled: options.statsEdgeCases === true,
    orgs,
    members,
    ...checkin,
    today,
    seed,
  });
  const live =
    options.liveMonth === true
      ? generateLiveMonth({
          members,
          studyPlans: study.studyPlans,
          studyProgress: study.studyProgress,
          quizRounds: quiz.quizRounds,
          today,
          seed,
        })
      : null;
  return { collections: { orgs, members, bindings, ...study, ...quiz, ...checkin, ...stats, ...(live ?? {}) } };
}

/**
 * Branch sizes that hold every fixed seat (`floors`) and still add up to `total`: the seats a fixed person
 * takes beyond a branch's share come out of the largest branches.
 */
function fitSizes(sizes: readonly number[], floors: readonly number[], total: number): number[] {
  const result = sizes.map((size, i) => Math.max(size, floors[i] ?? 0));
  let excess = result.reduce((a, b) => a + b, 0) - total;
  while (excess > 0) {
    let largest = -1;
    result.forEach((size, i) => {
      if (size > Math.max(floors[i] ?? 0, 3) && (largest < 0 || size > (result[largest] ?? 0))) largest = i;
    });
    if (largest < 0) throw new Error('generateCounty: too few members for the fixed demo identities');
    result[largest] = (result[largest] ?? 0) - 1;
    excess -= 1;
  }
  return result;
}
