import { decodeCommApiData, decodeCommOpenApiResp, encodeCommApiData, encodeCommOpenApiResp } from '../comm-api-proto';

describe('CommApiData / CommOpenApiResp', () => {
  it('round-trips a request with its pairs', () => {
    const request = { apiType: 0, pairs: [{ key: 'touser', value: Buffer.from('"o-1"') }], appid: 'wx1' };
    expect(decodeCommApiData(encodeCommApiData(request))).toEqual(request);
  });

  it('encodes a reply with the field numbers wx-server-sdk decodes (respData=1, contentType=2, errorCode=3, httpCode=4)', () => {
    const bytes = encodeCommOpenApiResp({
      respData: Buffer.from('{}'),
      contentType: 'application/json',
      errorCode: -604101,
      httpCode: 200,
    });
    expect(bytes[0]).toBe((1 << 3) | 2);
    expect(decodeCommOpenApiResp(bytes)).toEqual({
      respData: Buffer.from('{}'),
      contentType: 'application/json',
      errorCode: -604101,
      httpCode: 200,
      headers: [],
      svrkitErrorCode: 0,
    });
  });
});
