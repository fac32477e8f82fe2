/** Documents hold real JS values (Date, RegExp, nested objects), exactly what the SDK decodes. */
export type Document = Record<string, unknown>;
/** A MongoDB query document. */
export type Filter = Record<string, unknown>;
/** A MongoDB update document (`$set`, `$inc`, …) or, for replacements, a plain document. */
export type UpdateSpec = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
export type Projection = Record<string, unknown>;
export type Pipeline = Record<string, unknown>[];

export interface TransactionOption {
  /** Run the operation inside this transaction (document-level operations only, as on the platform). */
  transactionId?: string;
}

export interface FindOptions extends TransactionOption {
  sort?: SortSpec;
  skip?: number;
  /** No limit when absent: the platform's 100/1000 rule belongs to the protocol layer, not the engine. */
  limit?: number;
  projection?: Projection;
}

export interface UpdateOptions extends TransactionOption {
  /** Update every match (default: the first match only). */
  multi?: boolean;
  /** Insert when nothing matches, seeded from the filter's equality fields. */
  upsert?: boolean;
  /** Treat `update` as a whole new document (`set()`, merge:false) instead of operators. */
  replace?: boolean;
}

export interface UpdateResult {
  /** Documents the filter matched. */
  matched: number;
  /** Documents whose content changed (MongoDB's nModified; what the platform reports as `updated`). */
  modified: number;
  /** `_id` of the document an upsert created. */
  upsertedId?: unknown;
}

export interface RemoveOptions extends TransactionOption {
  multi?: boolean;
}
