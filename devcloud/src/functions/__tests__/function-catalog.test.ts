import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findDeployment } from '../function-catalog';

describe('findDeployment', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'devcloud-catalog-'));
    const deploy = (name: string, config?: string): void => {
      mkdirSync(path.join(root, name));
      writeFileSync(path.join(root, name, 'index.js'), 'exports.main = async () => 1;');
      if (config !== undefined) writeFileSync(path.join(root, name, 'config.json'), config);
    };
    deploy('plain');
    deploy('configured', JSON.stringify({ timeout: 20, permissions: { openapi: ['subscribeMessage.send', 7] } }));
    deploy('broken', '{ nope');
    mkdirSync(path.join(root, 'unbuilt'));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("uses the platform's 3 s default timeout and no openapi permissions without config", () => {
    expect(findDeployment(root, 'plain')).toMatchObject({ name: 'plain', timeoutMs: 3000, openapiPermissions: [] });
  });

  it("reads config.json's timeout and openapi permissions", () => {
    expect(findDeployment(root, 'configured')).toMatchObject({ timeoutMs: 20000, openapiPermissions: ['subscribeMessage.send'] });
  });

  it('finds nothing for folders without index.js, names that are not function names, or no root', () => {
    expect(findDeployment(root, 'unbuilt')).toBeNull();
    expect(findDeployment(root, 'missing')).toBeNull();
    expect(findDeployment(root, '../plain')).toBeNull();
    expect(findDeployment(null, 'plain')).toBeNull();
  });

  it('says which config.json is broken', () => {
    expect(() => findDeployment(root, 'broken')).toThrow(/broken\/config.json is not valid JSON/);
  });
});
