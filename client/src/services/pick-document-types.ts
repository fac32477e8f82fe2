import type { ImportDocumentInput } from '@zbxx/contracts';

export type PickedDocument = ImportDocumentInput;
