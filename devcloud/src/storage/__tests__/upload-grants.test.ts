import { UploadGrants } from '../upload-grants';

describe('UploadGrants', () => {
  it('lets a token upload its own path once', () => {
    const grants = new UploadGrants();
    const token = grants.issue('a.txt', 0);
    expect(grants.consume(token, 'b.txt', 1)).toBe(false);
    expect(grants.consume(token, 'a.txt', 1)).toBe(true);
    expect(grants.consume(token, 'a.txt', 2)).toBe(false);
  });

  it('refuses expired and missing tokens', () => {
    const grants = new UploadGrants();
    const token = grants.issue('a.txt', 0);
    expect(grants.consume(token, 'a.txt', 10 * 60 * 1000)).toBe(false);
    expect(grants.consume(undefined, 'a.txt', 0)).toBe(false);
  });
});
