import { cumulative, pick, pickWeighted, type Random } from './random';

/**
 * Common Chinese surnames with rough relative frequencies (per mille of the population, rounded), so a
 * generated roster has as many 王 and 李 as a real one and the occasional 欧阳.
 */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 54],
  ['陈', 46],
  ['杨', 32],
  ['黄', 24],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 15],
  ['马', 13],
  ['朱', 13],
  ['胡', 11],
  ['郭', 11],
  ['何', 10],
  ['林', 10],
  ['高', 10],
  ['罗', 9],
  ['郑', 9],
  ['梁', 8],
  ['谢', 7],
  ['宋', 7],
  ['唐', 6],
  ['许', 6],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 4],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['石', 3],
  ['廖', 3],
  ['贾', 3],
  ['夏', 2],
  ['韦', 2],
  ['付', 2],
  ['方', 2],
  ['白', 2],
  ['邹', 2],
  ['孟', 2],
  ['熊', 2],
  ['秦', 2],
  ['邱', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['侯', 2],
  ['龙', 2],
  ['史', 2],
  ['陶', 1],
  ['黎', 1],
  ['贺', 1],
  ['顾', 1],
  ['毛', 1],
  ['郝', 1],
  ['龚', 1],
  ['邵', 1],
  ['万', 1],
  ['钱', 1],
  ['严', 1],
  ['武', 1],
  ['戴', 1],
  ['孔', 1],
  ['欧阳', 0.3],
  ['司马', 0.1],
];
const SURNAME_LIST = SURNAMES.map(([surname]) => surname);
const SURNAME_WEIGHTS = cumulative(SURNAMES.map(([, weight]) => weight));

const GIVEN = {
  male: {
    first: [...'建国志文明德永海金春秀玉国立振家庆晓宏俊伟小红学新东'],
    second: [...'华强军平明刚勇杰涛斌辉鹏飞波宁峰浩亮成林健龙超伟军民生福祥贵斌鑫磊宇'],
    single: [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁峰浩亮'],
  },
  female: {
    first: [...'秀桂玉淑丽美春海晓红雪慧静婷金凤文小月彩翠'],
    second: [...'英兰芳珍华梅琴霞娟敏燕红萍玲云莉芬娜丽艳婷洁琳颖'],
    single: [...'芳娜敏静丽艳娟霞玲燕红梅婷雪慧琳颖倩萍兰凤洁琴云莉'],
  },
} as const;

export type Gender = 'male' | 'female';

/** About three in ten party members are women. */
export function pickGender(random: Random): Gender {
  return random() < 0.3 ? 'female' : 'male';
}

export function personName(random: Random, gender: Gender): string {
  const surname = pickWeighted(random, SURNAME_LIST, SURNAME_WEIGHTS);
  const pool = GIVEN[gender];
  // Single-character given names are common among older members.
  if (random() < 0.2) return surname + pick(random, pool.single);
  return surname + pick(random, pool.first) + pick(random, pool.second);
}
