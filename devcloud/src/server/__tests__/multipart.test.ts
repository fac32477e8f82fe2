import FormData from 'form-data';
import { boundaryOf, parseMultipart } from '../multipart';

describe('multipart', () => {
  it('reads the parts of a body built the way node-sdk builds wx.openApi requests (form-data)', () => {
    const form = new FormData();
    const binary = Buffer.from([0x08, 0x00, 0x12, 0x0d, 0x0d, 0x0a, 0x2d, 0x2d, 0xff]);
    form.append('action', 'wx.openApi');
    form.append('apiName', 'subscribeMessage.send');
    form.append('requestData', binary);
    form.append('envName', '');
    const boundary = boundaryOf(form.getHeaders()['content-type'] as string);
    expect(boundary).not.toBeNull();
    const parts = parseMultipart(form.getBuffer(), boundary!);
    expect(Object.keys(parts)).toEqual(['action', 'apiName', 'requestData', 'envName']);
    expect(parts.action?.toString()).toBe('wx.openApi');
    expect(parts.requestData).toEqual(binary);
    expect(parts.envName?.length).toBe(0);
  });

  it('finds the boundary only in multipart content types', () => {
    expect(boundaryOf('multipart/form-data; boundary="abc def"')).toBe('abc def');
    expect(boundaryOf('multipart/form-data; boundary=xyz; charset=utf-8')).toBe('xyz');
    expect(boundaryOf('application/json')).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
  });
});
