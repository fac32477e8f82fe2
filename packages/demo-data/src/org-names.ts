import { pick, type Random } from './random';

/**
 * Names for the demo county's org tree, in the forms county rosters use: 城关镇东关社区党支部, 县财政局机关党支部,
 * 县人民医院党总支 › 县人民医院第一党支部, 华源纺织有限公司党支部. Lists run out at county scale; the generators
 * then combine parts, always keeping names unique.
 */
export const COUNTY_NAME = '清河县';

export type CommitteeKind = 'town' | 'organs' | 'zone';

export interface CommitteeTemplate {
  kind: CommitteeKind;
  name: string;
  /** Prefix of its branches' names (the town), empty when branch names stand alone. */
  prefix: string;
}

const FIRST_COMMITTEES: readonly CommitteeTemplate[] = [
  { kind: 'town', name: '城关镇党委', prefix: '城关镇' },
  { kind: 'organs', name: '县直机关工委', prefix: '' },
  { kind: 'zone', name: '经济开发区党工委', prefix: '' },
];

const TOWNS = ['柳林镇', '石桥镇', '河西镇', '马坊乡', '白沙镇', '双庙乡', '杨集镇', '新兴镇', '高庄乡', '太平镇', '永和乡', '龙泉镇'];

export function committeeTemplate(index: number): CommitteeTemplate {
  const fixed = FIRST_COMMITTEES[index];
  if (fixed) return fixed;
  const extra = index - FIRST_COMMITTEES.length;
  const town = TOWNS[extra % TOWNS.length] ?? '新兴镇';
  const round = Math.floor(extra / TOWNS.length);
  const name = round === 0 ? town : `${town.slice(0, -1)}${round + 1}${town.slice(-1)}`;
  return { kind: 'town', name: `${name}党委`, prefix: name };
}

const COMMUNITIES = ['东关', '西街', '南门', '北苑', '文化路', '建设路', '幸福里', '滨河', '新华', '人民路'];
const VILLAGE_PARTS_A = [
  '李家',
  '王家',
  '张家',
  '刘家',
  '柳树',
  '杏花',
  '石桥',
  '大王',
  '小河',
  '前进',
  '后营',
  '东坡',
  '西洼',
  '南岭',
  '北沟',
  '马家',
  '杨家',
  '赵家',
  '黄土',
  '桃园',
  '孙家',
  '周家',
  '高家',
  '郭家',
  '何家',
  '槐树',
  '枣林',
  '梨园',
  '双井',
  '三合',
  '五里',
  '七星',
  '红旗',
  '胜利',
  '团结',
  '和平',
  '青石',
  '白杨',
  '沙河',
  '龙王',
];
const VILLAGE_PARTS_B = ['庄', '屯', '营', '堡', '湾', '岭', '坡', '店', '集', '寨'];

const BUREAUS = [
  '县委组织部',
  '县财政局',
  '县委宣传部',
  '县教育局',
  '县卫生健康局',
  '县人社局',
  '县自然资源局',
  '县住建局',
  '县交通运输局',
  '县农业农村局',
  '县水利局',
  '县商务局',
  '县文旅局',
  '县市场监管局',
  '县统计局',
  '县审计局',
  '县民政局',
  '县司法局',
  '县应急管理局',
  '县医保局',
  '县信访局',
  '县融媒体中心',
  '县档案馆',
  '县发改局',
];
const INSTITUTIONS = ['县人民医院', '县第一中学', '县中医院', '县职业中专', '县实验小学', '县疾控中心', '县第二中学', '县妇幼保健院'];
const DIGITS = [...'零一二三四五六七八九'];

/** 第二, 第十二, 第三十: numbered branches read the way they are written on rosters. */
export function ordinal(n: number): string {
  if (n < 10) return `第${DIGITS[n]}`;
  const tens = Math.floor(n / 10) % 10;
  const ones = n % 10;
  return `第${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const BRAND_FIRST = [...'华恒鑫宏金瑞永德嘉天博盛绿中兴信隆泰丰润'];
const BRAND_SECOND = [...'源通达盛穗丰安润禾成远泰兴业昌发辉宇鼎诚'];
const INDUSTRIES = ['纺织', '食品', '机械', '新材料', '电子', '物流', '建材', '制药', '农业科技', '包装'];

/** Hands out unique names; falls back to numbered variants when the combinations run out. */
class UniqueNames {
  private readonly used = new Set<string>();

  take(candidate: () => string, numbered: (n: number) => string): string {
    for (let tries = 0; tries < 20; tries += 1) {
      const name = candidate();
      if (!this.used.has(name)) return this.claim(name);
    }
    for (let n = 2; ; n += 1) {
      const name = numbered(n);
      if (!this.used.has(name)) return this.claim(name);
    }
  }

  private claim(name: string): string {
    this.used.add(name);
    return name;
  }
}

export interface BranchPlan {
  name: string;
  /** Set when the branch sits under a 党总支, which this names. */
  generalName?: string;
}

/** Names the branches of one committee, slot by slot; slot 0 is always the committee's own office branch. */
export class BranchNamer {
  private readonly names = new UniqueNames();

  constructor(
    private readonly random: Random,
    private readonly committee: CommitteeTemplate,
  ) {}

  plan(slot: number): BranchPlan {
    const { prefix } = this.committee;
    switch (this.committee.kind) {
      case 'town': {
        if (slot === 0)
          return {
            name: this.names.take(
              () => `${prefix}机关党支部`,
              (n) => `${prefix}机关第${n}党支部`,
            ),
          };
        if (slot % 3 === 1) {
          const community = slot === 1 ? COMMUNITIES[0]! : pick(this.random, COMMUNITIES);
          return {
            name: this.names.take(
              () => `${prefix}${community}社区党支部`,
              (n) => `${prefix}${community}社区${ordinal(n)}党支部`,
            ),
          };
        }
        const village = () => `${pick(this.random, VILLAGE_PARTS_A)}${pick(this.random, VILLAGE_PARTS_B)}`;
        return {
          name: this.names.take(
            () => `${prefix}${village()}村党支部`,
            (n) => `${prefix}${village()}村${ordinal(n)}党支部`,
          ),
        };
      }
      case 'organs': {
        // Pairs of slots alternate: two bureau office branches, then two branches of one institution's 党总支.
        const group = Math.floor(slot / 4);
        if (slot % 4 < 2) {
          const bureau = BUREAUS[group * 2 + (slot % 4)];
          return {
            name: this.names.take(
              () => `${bureau ?? pick(this.random, BUREAUS)}机关党支部`,
              (n) => `${pick(this.random, BUREAUS)}机关${ordinal(n)}党支部`,
            ),
          };
        }
        const institution = INSTITUTIONS[group % INSTITUTIONS.length]!;
        const round = Math.floor(group / INSTITUTIONS.length);
        const unit = round === 0 ? institution : `${institution}${round + 1}院区`;
        const nth = ordinal((slot % 4) - 1);
        return {
          name: this.names.take(
            () => `${unit}${nth}党支部`,
            (n) => `${unit}${nth}党支部（${n}）`,
          ),
          generalName: `${unit}党总支`,
        };
      }
      case 'zone': {
        if (slot === 0)
          return {
            name: this.names.take(
              () => '经济开发区管委会机关党支部',
              (n) => `经济开发区管委会${ordinal(n)}党支部`,
            ),
          };
        const company = () => `${pick(this.random, BRAND_FIRST)}${pick(this.random, BRAND_SECOND)}${pick(this.random, INDUSTRIES)}有限公司`;
        return {
          name: this.names.take(
            () => `${company()}党支部`,
            (n) => `${company()}${ordinal(n)}党支部`,
          ),
        };
      }
    }
  }
}
