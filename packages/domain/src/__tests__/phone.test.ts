import { isMobilePhone, maskPhone, phoneLast4, phoneSearchOf } from '../phone';

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

  it('lets only admins search any run of digits; others match the last four or the full number', () => {
    expect(phoneSearchOf('8172', true)).toEqual({ match: 'contains', digits: '8172' });
    expect(phoneSearchOf('8495', false)).toEqual({ match: 'last4', digits: '8495' });
    expect(phoneSearchOf('18781728495', false)).toEqual({ match: 'exact', digits: '18781728495' });
    expect(['18781', '187817', '1878172', '18781728', '1878172849'].map((d) => phoneSearchOf(d, false).match)).toEqual(
      Array(5).fill('nothing'),
    );
  });
});
