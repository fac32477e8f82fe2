import Database from 'better-sqlite3';
import { devcloudNow } from '../clock/clock';

/** A subscribe message as `subscribeMessage.send` handed it to WeChat (订阅消息). */
export interface OutboxMessage {
  id: number;
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, unknown>;
  miniprogramState: string | null;
  lang: string | null;
  /** The function that sent it, when it came from a hosted function. */
  functionName: string | null;
  callerTag: string | null;
  /** ISO time of sending. */
  time: string;
}

export type NewOutboxMessage = Omit<OutboxMessage, 'id' | 'time'>;

export interface OutboxFilter {
  touser?: string;
  templateId?: string;
}

interface OutboxRow {
  id: number;
  touser: string;
  template_id: string;
  page: string | null;
  data: string;
  miniprogram_state: string | null;
  lang: string | null;
  function_name: string | null;
  caller_tag: string | null;
  sent_at: string;
}

/**
 * Where sent subscribe messages land instead of WeChat, durable in its own small SQLite file beside the
 * data (or in memory), so reminders sent before a restart can still be inspected after it.
 */
export class Outbox {
  private readonly db: Database.Database;

  constructor(file: string | ':memory:') {
    this.db = new Database(file);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      touser TEXT NOT NULL,
      template_id TEXT NOT NULL,
      page TEXT,
      data TEXT NOT NULL,
      miniprogram_state TEXT,
      lang TEXT,
      function_name TEXT,
      caller_tag TEXT,
      sent_at TEXT NOT NULL
    )`);
  }

  add(message: NewOutboxMessage, now = new Date(devcloudNow())): OutboxMessage {
    const time = now.toISOString();
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO outbox (touser, template_id, page, data, miniprogram_state, lang, function_name, caller_tag, sent_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        message.touser,
        message.templateId,
        message.page,
        JSON.stringify(message.data),
        message.miniprogramState,
        message.lang,
        message.functionName,
        message.callerTag,
        time,
      );
    return { ...message, id: Number(lastInsertRowid), time };
  }

  /** Oldest first. */
  list(filter: OutboxFilter = {}): OutboxMessage[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM outbox WHERE (@touser IS NULL OR touser = @touser) AND (@templateId IS NULL OR template_id = @templateId) ORDER BY id`,
      )
      .all({ touser: filter.touser ?? null, templateId: filter.templateId ?? null }) as OutboxRow[];
    return rows.map((row) => ({
      id: row.id,
      touser: row.touser,
      templateId: row.template_id,
      page: row.page,
      data: JSON.parse(row.data) as Record<string, unknown>,
      miniprogramState: row.miniprogram_state,
      lang: row.lang,
      functionName: row.function_name,
      callerTag: row.caller_tag,
      time: row.sent_at,
    }));
  }

  clear(): void {
    this.db.exec('DELETE FROM outbox');
  }

  close(): void {
    this.db.close();
  }
}
