import { parseSubscribeMessage } from '../subscribe-message';

const VALID = { touser: 'o-1', template_id: 't-1', page: 'pages/home/index', data: { thing1: { value: '学习' }, number2: { value: 3 } } };

describe('parseSubscribeMessage', () => {
  it('reads the snake_case arguments the SDK sends', () => {
    expect(parseSubscribeMessage({ ...VALID, miniprogram_state: 'trial', lang: 'zh_CN' })).toEqual({
      touser: 'o-1',
      templateId: 't-1',
      page: 'pages/home/index',
      data: VALID.data,
      miniprogramState: 'trial',
      lang: 'zh_CN',
    });
  });

  it.each([
    [{ ...VALID, touser: undefined }, 40003],
    [{ ...VALID, template_id: '' }, 40037],
    [{ ...VALID, data: undefined }, 47003],
    [{ ...VALID, data: { thing1: {} } }, 47003],
    [{ ...VALID, miniprogram_state: 'beta' }, 47003],
  ])('refuses %j with errcode %i', (args, errcode) => {
    expect(parseSubscribeMessage(args)).toMatchObject({ errcode });
  });
});
