/** A file the user chose, read lazily: the h5 and weapp pickers hand these out alike. */
export interface PickedFile {
  name: string;
  size: number;
  /** weapp only: the temp path `Taro.cloud.uploadFile` takes. */
  tempPath?: string;
  readBase64(): Promise<string>;
  readText(): Promise<string>;
}

export interface PickFileOptions {
  /** Extensions without the dot, e.g. ['docx', 'md']. */
  extensions: string[];
  /** Images come from the album or camera in weapp; other files from a WeChat chat. */
  kind?: 'file' | 'image';
  /** h5: a data-testid on the file input, so a browser test can set its file. */
  testId?: string;
}
