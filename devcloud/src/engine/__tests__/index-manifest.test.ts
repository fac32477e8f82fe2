import path from 'node:path';
import { loadIndexManifest, openEngine, parseIndexManifest } from '..';

describe('index manifest', () => {
  it('loads the repository manifest, and devcloud creates its collections', () => {
    const manifest = loadIndexManifest(path.join(__dirname, '..', '..', '..', '..', 'cloudbase', 'indexes.json'));
    expect(Object.keys(manifest.collections)).toEqual(expect.arrayContaining(['orgs', 'members']));
    const engine = openEngine({ dataDir: ':memory:', indexManifest: manifest });
    expect(engine.listCollections().sort()).toEqual(Object.keys(manifest.collections).sort());
    engine.close();
  });

  it('rejects malformed manifests with the place of the mistake', () => {
    expect(() => parseIndexManifest({})).toThrow('expected { "collections": { … } }');
    expect(() => parseIndexManifest({ collections: { a: { indexes: {} } } })).toThrow('collection "a": "indexes" must be an array');
    expect(() => parseIndexManifest({ collections: { a: { indexes: [{ name: 'x', fields: { f: 'asc' } }] } } })).toThrow(
      'collection "a" index #0: "fields" must map at least one path to 1 or -1',
    );
  });

  it('treats compound unique indexes as tuples, with missing fields as null unless sparse', () => {
    const engine = openEngine({
      dataDir: ':memory:',
      indexManifest: {
        collections: {
          pairs: { indexes: [{ name: 'a_1_b_1', fields: { a: 1, b: 1 }, unique: true }] },
          tags: { indexes: [{ name: 'tags_1', fields: { tags: 1 }, unique: true, sparse: true }] },
        },
      },
    });
    engine.insert('pairs', [{ a: 1, b: 1 }, { a: 1, b: 2 }, { a: 2 }]);
    expect(() => engine.insert('pairs', { a: 1, b: 2 })).toThrow(/dup key: \{ a: 1, b: 2 \}/);
    expect(() => engine.insert('pairs', { a: 2, b: null })).toThrow(/duplicate key/);
    // multikey: every array element is a key
    engine.insert('tags', [{ tags: ['x', 'y'] }, {}, {}]);
    expect(() => engine.insert('tags', { tags: ['z', 'y'] })).toThrow(/index: tags_1/);
    engine.close();
  });
});
