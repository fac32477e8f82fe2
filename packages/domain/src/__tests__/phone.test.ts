import { isMobilePhone, maskPhone, phoneLast4 } from '../phone';

describe('phone', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('masks short numbers entirely', () => {
    expect(maskPhone('1234567')).toBe('*******');
  });

  it('takes the last four digits', () => {
    expect(phoneLast4('13912345678')).toBe('5678');
  });

  it('accepts mainland mobile numbers only', () => {
    expect(isMobilePhone('19912345678')).toBe(true);
    expect(isMobilePhone('12912345678')).toBe(false);
    expect(isMobilePhone('1391234567')).toBe(false);
    expect(isMobilePhone('139123456789')).toBe(false);
  });
});
