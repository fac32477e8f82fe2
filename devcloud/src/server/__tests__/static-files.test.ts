import path from 'node:path';
import { resolveInside } from '../static-files';

describe('resolveInside', () => {
  const root = path.resolve('/srv/h5');

  it('maps URL paths to files inside the root', () => {
    expect(resolveInside(root, '/')).toBe(root);
    expect(resolveInside(root, '/js/app.js')).toBe(path.join(root, 'js', 'app.js'));
    expect(resolveInside(root, '/%E5%AD%A6%E4%B9%A0.png')).toBe(path.join(root, '学习.png'));
    expect(resolveInside(root, '/./js//app.js')).toBe(path.join(root, 'js', 'app.js'));
  });

  it.each(['/../etc/passwd', '/%2e%2e/etc/passwd', '/js/..%2f..%2fsecret', '/a%5c..%5c..%5csecret', '/a%00.js', '/%E0%A4%A'])(
    'refuses %s',
    (urlPath) => {
      expect(resolveInside(root, urlPath)).toBeNull();
    },
  );
});
