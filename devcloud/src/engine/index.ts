export { Engine, openEngine, type EngineOptions } from './engine';
export { EngineError, type EngineErrorCode } from './errors';
export { loadIndexManifest, parseIndexManifest, type CollectionManifest, type IndexManifest, type IndexSpec } from './index-manifest';
export type {
  Document,
  Filter,
  FindOptions,
  Pipeline,
  Projection,
  RemoveOptions,
  SortSpec,
  TransactionOption,
  UpdateOptions,
  UpdateResult,
  UpdateSpec,
} from './types';
