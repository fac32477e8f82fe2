import path from 'node:path';
import { FIXTURE_FUNCTIONS, pointSdkAt, startBareDevcloud } from '../../../test/support/bare-devcloud';
import { RecordingProxy } from '../../../test/support/recording-proxy';
import {
  normalizeExchange,
  readRecording,
  RECORDING,
  requestFromRecording,
  writeRecording,
  type RecordedExchange,
} from '../../../test/support/wire-recording';

/**
 * Contract tests for the storage, functions and openapi parts of the wire: each scenario makes one call
 * with the installed wx-server-sdk through a recording proxy and must produce exactly the recorded
 * request and reply; then the recorded request alone, replayed against a fresh devcloud, must get the
 * recorded reply. An SDK upgrade that changes the wire fails here, loudly.
 */
const RECORDINGS = path.join(__dirname, '..', '..', '..', 'test', 'recordings');

/* eslint-disable @typescript-eslint/no-require-imports */
const SDK = `wx-server-sdk@${require('wx-server-sdk/package.json').version} (@cloudbase/node-sdk@${require('@cloudbase/node-sdk/package.json').version})`;
/* eslint-enable @typescript-eslint/no-require-imports */

// The SDK is untyped here on purpose: the test exercises it exactly as a function bundle does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above.
type Cloud = any;

interface Scenario {
  file: string;
  about: string;
  /** Prepares devcloud's state; its requests are not recorded. */
  setup?: (cloud: Cloud) => Promise<void>;
  run: (cloud: Cloud) => Promise<unknown>;
  /** What the SDK made of devcloud's reply. */
  expected: unknown;
}

const HELLO_PATH = 'recordings/你好.txt';
const HELLO_ID = `cloud://devcloud.devcloud-files/${HELLO_PATH}`;
const uploadHello = async (cloud: Cloud): Promise<void> => {
  await cloud.uploadFile({ cloudPath: HELLO_PATH, fileContent: Buffer.from('你好，支部') });
};

const SCENARIOS: Scenario[] = [
  {
    file: 'storage/get-upload-metadata.json',
    about: 'cloud.uploadFile asks storage.getUploadMetadata for a URL, then PUTs the bytes there (not recorded)',
    run: (cloud) => cloud.uploadFile({ cloudPath: HELLO_PATH, fileContent: Buffer.from('你好，支部') }),
    expected: expect.objectContaining({ fileID: HELLO_ID }),
  },
  {
    file: 'storage/batch-get-download-url.json',
    about: 'cloud.getTempFileURL: one existing file, one missing',
    setup: uploadHello,
    run: (cloud) => cloud.getTempFileURL({ fileList: [HELLO_ID, { fileID: 'cloud://devcloud.devcloud-files/missing.txt', maxAge: 60 }] }),
    expected: expect.objectContaining({
      fileList: [
        expect.objectContaining({ fileID: HELLO_ID, status: 0, tempFileURL: expect.stringContaining(`/files/${HELLO_PATH}`) }),
        expect.objectContaining({ fileID: 'cloud://devcloud.devcloud-files/missing.txt', status: -503003 }),
      ],
    }),
  },
  {
    file: 'storage/batch-delete-file.json',
    about: 'cloud.deleteFile',
    setup: uploadHello,
    run: (cloud) => cloud.deleteFile({ fileList: [HELLO_ID] }),
    expected: expect.objectContaining({ fileList: [{ fileID: HELLO_ID, status: 0, errMsg: 'ok' }] }),
  },
  {
    file: 'functions/invoke-function.json',
    about: 'cloud.callFunction from a script (no caller identity)',
    run: (cloud) => cloud.callFunction({ name: 'whoami', data: { action: 'login' } }),
    expected: expect.objectContaining({
      errMsg: 'callFunction:ok',
      result: expect.objectContaining({ event: { action: 'login' }, functionName: 'whoami' }),
    }),
  },
  {
    file: 'functions/invoke-missing-function.json',
    about: 'cloud.callFunction of a function that does not exist: a failure reply',
    run: (cloud) =>
      cloud.callFunction({ name: 'no-such-function', data: {} }).catch((err: { code: string }) => ({ rejectedWith: err.code })),
    expected: { rejectedWith: 'FUNCTIONS_REQUEST_FAIL' },
  },
  {
    file: 'openapi/subscribe-message-send.json',
    about: 'cloud.openapi.subscribeMessage.send: multipart wx.openApi with a protobuf CommApiData, protobuf reply',
    run: (cloud) =>
      cloud.openapi.subscribeMessage.send({
        touser: 'demo-member',
        templateId: 'tmpl-study-reminder',
        page: 'pages/study/index',
        data: { thing1: { value: '三月每月一学' }, time2: { value: '2026-03-10 09:00' } },
        miniprogramState: 'developer',
      }),
    expected: { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok', msgid: 1 },
  },
];

/** Every devcloud behind the proxy takes the token the SDK was pointed with. */
const RECORDING_TOKEN = 'recording-token';

describe('recorded SDK exchanges (storage, functions, openapi)', () => {
  const proxy = new RecordingProxy();
  let cloud: Cloud;
  let restoreEnv: () => void;

  beforeAll(async () => {
    await proxy.start();
    restoreEnv = pointSdkAt({ url: proxy.url, envId: 'devcloud', token: RECORDING_TOKEN });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  });

  afterAll(async () => {
    restoreEnv();
    await proxy.stop();
  });

  describe.each(SCENARIOS.map((scenario) => [scenario.file, scenario] as const))('%s', (file, scenario) => {
    const recordingPath = path.join(RECORDINGS, file);

    it('the installed SDK sends the recorded request and accepts the recorded reply', async () => {
      const devcloud = await startBareDevcloud({ functionsRoot: FIXTURE_FUNCTIONS, token: RECORDING_TOKEN });
      try {
        proxy.target = devcloud.url;
        await scenario.setup?.(cloud);
        proxy.exchanges.length = 0;
        const result = await scenario.run(cloud);
        expect(result).toEqual(scenario.expected);
        expect(proxy.exchanges).toHaveLength(1);
        const observed = normalizeExchange(proxy.exchanges[0]!, devcloud.url);
        if (RECORDING) writeRecording(recordingPath, { about: scenario.about, sdk: SDK, ...observed });
        const recorded = readRecording(recordingPath);
        expect(observed.request).toEqual(recorded.request);
        expect(observed.response).toEqual(recorded.response);
      } finally {
        await devcloud.close();
      }
    });

    it('devcloud answers the recorded request with the recorded reply', async () => {
      const recorded: RecordedExchange = readRecording(recordingPath);
      const devcloud = await startBareDevcloud({ functionsRoot: FIXTURE_FUNCTIONS, token: RECORDING_TOKEN });
      try {
        proxy.target = devcloud.url;
        await scenario.setup?.(cloud);
        const { contentType, body } = requestFromRecording(recorded);
        const response = await fetch(`${devcloud.url}${recorded.request.path}`, {
          method: 'POST',
          headers: { 'content-type': contentType, 'x-devcloud-token': RECORDING_TOKEN },
          body,
        });
        const replayed = normalizeExchange(
          {
            method: 'POST',
            path: recorded.request.path,
            requestContentType: contentType,
            requestBody: body,
            status: response.status,
            responseContentType: response.headers.get('content-type') ?? '',
            responseBody: Buffer.from(await response.arrayBuffer()),
          },
          devcloud.url,
        );
        expect(replayed.response).toEqual(recorded.response);
      } finally {
        await devcloud.close();
      }
    });
  });
});
