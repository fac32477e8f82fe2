import protobuf from 'protobufjs';

/**
 * The messages wx-server-sdk 4.0.2 exchanges for `cloud.openapi.*` (its bundled src/protobuf/openapi.js,
 * field numbers and types copied from there). Only what devcloud reads or writes is declared; protobuf
 * skips the other fields (inner/svrkit/token data) on decode.
 */
const PROTO = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData {
  enum ApiType { OPEN_API = 0; INNER_API = 1; SVRKIT_API = 2; TOKEN_API = 3; }
  ApiType apiType = 1;
  OpenApiData openapiData = 2;
  string appid = 6;
}
message HttpHeader { string key = 1; string value = 2; }
message CommOpenApiResp {
  bytes respData = 1;
  string contentType = 2;
  int32 errorCode = 3;
  uint32 httpCode = 4;
  repeated HttpHeader headers = 5;
  int32 svrkitErrorCode = 6;
}
`;

const root = protobuf.parse(PROTO, { keepCase: true }).root;
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

export const API_TYPE_OPEN_API = 0;

export interface CommApiRequest {
  apiType: number;
  /** Each argument of the call: key (snake_case) → its value as JSON text. */
  pairs: Array<{ key: string; value: Buffer }>;
  appid: string;
}

export interface CommApiResponse {
  respData: Buffer;
  contentType: string;
  errorCode: number;
  httpCode: number;
}

export function decodeCommApiData(bytes: Uint8Array): CommApiRequest {
  const message = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true, enums: Number }) as {
    apiType: number;
    openapiData?: { pairs?: Array<{ key: string; value: Uint8Array }> };
    appid: string;
  };
  return {
    apiType: message.apiType,
    pairs: (message.openapiData?.pairs ?? []).map((pair) => ({ key: pair.key, value: Buffer.from(pair.value) })),
    appid: message.appid,
  };
}

export function encodeCommApiData(request: CommApiRequest): Buffer {
  const message = CommApiData.fromObject({ apiType: request.apiType, openapiData: { pairs: request.pairs }, appid: request.appid });
  return Buffer.from(CommApiData.encode(message).finish());
}

export function encodeCommOpenApiResp(response: CommApiResponse): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.fromObject(response)).finish());
}

export function decodeCommOpenApiResp(bytes: Uint8Array): CommApiResponse {
  const message = CommOpenApiResp.toObject(CommOpenApiResp.decode(bytes), { defaults: true }) as CommApiResponse & { respData: Uint8Array };
  return { ...message, respData: Buffer.from(message.respData) };
}
