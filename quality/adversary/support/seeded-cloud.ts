import { startQualityCloud, type QualityCloud } from '../../support/quality-cloud';

/**
 * A devcloud hosting every function, seeded with `collections`, started before the file's attacks and stopped
 * after them. `env.qc` is the cloud once started.
 */
export function seededCloud(collections: object): { readonly qc: QualityCloud } {
  let qc: QualityCloud | undefined;
  beforeAll(async () => {
    qc = await startQualityCloud(collections as Record<string, object[]>);
  }, 120_000);
  afterAll(async () => {
    await qc?.close();
  });
  return {
    get qc(): QualityCloud {
      if (!qc) throw new Error('seededCloud: used before beforeAll ran');
      return qc;
    },
  };
}
