import { normalizePersonName } from '../person-name';

describe('normalizePersonName', () => {
  it('removes spaces typed inside and around a name', () => {
    expect(normalizePersonName(' 王 伟　')).toBe('王伟');
  });

  it('folds full-width letters', () => {
    expect(normalizePersonName('ＡＢ')).toBe('AB');
  });
});
