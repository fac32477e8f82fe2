import { mapQuestionHeaders, planQuestionImport, questionStemKey, type QuestionSheetRow } from '../question-import';

const row = (n: number, cells: QuestionSheetRow['cells']): QuestionSheetRow => ({ row: n, cells });

describe('mapQuestionHeaders', () => {
  it('reads the common survey-tool layout and our template alike', () => {
    const common = mapQuestionHeaders(['题目', '题型', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '分类']);
    expect(common?.columns).toMatchObject({ stem: 0, type: 1, optionA: 2, optionF: 7, answer: 8, explanation: 9, category: 10 });
    const aliases = mapQuestionHeaders(['试题内容', '题目类型', 'A', 'B', '正确答案', '知识点', '难易程度']);
    expect(aliases?.columns).toMatchObject({ stem: 0, type: 1, optionA: 2, optionB: 3, answer: 4, category: 5, difficulty: 6 });
  });

  it('refuses a header row without 题目, 题型 and 答案, and reports a column given twice', () => {
    expect(mapQuestionHeaders(['姓名', '手机号'])).toBeNull();
    expect(mapQuestionHeaders(['题目', '题型', '答案', '正确答案'])?.duplicated).toEqual(['答案']);
  });
});

describe('planQuestionImport', () => {
  it('parses single, multiple and true/false rows in the common layout', () => {
    const plan = planQuestionImport(
      [
        row(2, {
          stem: '预备期为（ ）。',
          type: '单选题',
          optionA: '半年',
          optionB: '一年',
          answer: 'b',
          explanation: '见《中国共产党章程》第七条。',
          category: '党章',
          difficulty: '易',
        }),
        row(3, {
          stem: '三会包括（ ）。',
          type: '多项选择题',
          optionA: '党员大会',
          optionB: '支委会',
          optionC: '党小组会',
          optionD: '职代会',
          answer: 'A、B、C',
        }),
        row(4, { stem: '预备党员有表决权。', type: '判断', answer: '错误' }),
        row(5, { stem: '党员永远是劳动人民的普通一员。', type: '判断题', optionA: '正确', optionB: '错误', answer: 'A' }),
        row(6, {}),
      ],
      new Set(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.totalRows).toBe(4);
    expect(plan.toAdd.map((q) => [q.row, q.type, q.key])).toEqual([
      [2, 'single', ['B']],
      [3, 'multiple', ['A', 'B', 'C']],
      [4, 'trueFalse', ['F']],
      [5, 'trueFalse', ['T']],
    ]);
    expect(plan.toAdd[0]).toMatchObject({
      category: '党章',
      difficulty: 1,
      citation: { regulation: '《中国共产党章程》', article: '第七条' },
    });
    expect(plan.toAdd[1]).toMatchObject({ category: '综合', difficulty: 2 });
    expect(plan.toAdd[2]?.options).toEqual([
      { id: 'T', text: '对' },
      { id: 'F', text: '错' },
    ]);
  });

  it('says which row and column is wrong and why', () => {
    const plan = planQuestionImport(
      [
        row(2, { stem: '甲', type: '填空', answer: 'A' }),
        row(3, { stem: '乙', type: '单选', optionA: 'x', optionB: 'y', answer: 'C' }),
        row(4, { stem: '丙', type: '单选', optionA: 'x', optionB: 'y', answer: 'AB' }),
        row(5, { stem: '丁', type: '多选', optionA: 'x', optionB: '', optionC: 'z', answer: 'AC' }),
        row(6, { stem: '戊', type: '判断', answer: '也许' }),
        row(7, { stem: '', type: '单选', optionA: 'x', optionB: 'y', answer: 'A' }),
        row(8, { stem: '己', type: '单选', optionA: 'x', optionB: 'y', answer: 'A', difficulty: '超难' }),
      ],
      new Set(),
    );
    expect(plan.toAdd).toEqual([]);
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '题型'],
      [3, '答案'],
      [4, '答案'],
      [5, '选项'],
      [6, '答案'],
      [7, '题目'],
      [8, '难度'],
    ]);
    expect(plan.errors[1]?.reason).toContain('答案不在选项中');
  });

  it('flags a stem repeated in the sheet as an error and skips stems already in the bank', () => {
    const plan = planQuestionImport(
      [
        row(2, { stem: '党的根本宗旨是什么？', type: '判断', answer: '对' }),
        row(3, { stem: '党的根本宗旨是什么', type: '判断', answer: '错' }),
        row(4, { stem: '已有 的题目。', type: '判断', answer: '对' }),
      ],
      new Set([questionStemKey('已有的题目')]),
    );
    expect(plan.errors).toEqual([{ row: 3, column: '题目', reason: '与第2行题目重复' }]);
    expect(plan.alreadyInBank).toEqual([{ row: 4, stem: '已有 的题目。' }]);
    expect(plan.toAdd.map((q) => q.row)).toEqual([2]);
  });
});
