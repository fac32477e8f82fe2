import { isMobilePhone } from '../phone';

/** A cell as the xlsx reader hands it over: text, a number, a date (Excel date cells), or empty. */
export type CellValue = string | number | Date | null;

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return formatDay(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  return value.normalize('NFKC').trim();
}

/**
 * Phones arrive as numbers (13800001234), as text with spaces or dashes, or with +86: all become 11 digits.
 * Null when the result is not a mainland mobile number.
 */
export function parsePhone(value: CellValue): string | null {
  let digits = cellText(value).replace(/[\s\-()（）]/g, '');
  if (/^\+?86\d{11}$/.test(digits)) digits = digits.replace(/^\+?86/, '');
  return isMobilePhone(digits) ? digits : null;
}

export function parseGender(value: CellValue): 'male' | 'female' | null {
  const text = cellText(value);
  if (text === '男' || text === '男性') return 'male';
  if (text === '女' || text === '女性') return 'female';
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel date cells carry the wall-clock date in UTC fields (no time zone in the file). */
function formatDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function validDay(year: number, month: number, day: number): string | null {
  if (year < 1921 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return formatDay(date);
}

// Excel's serial day 25569 is 1970-01-01 (the 1900 system, with its phantom 1900-02-29 already before it).
const EXCEL_EPOCH_SERIAL = 25569;

/**
 * 入党日期 as YYYY-MM-DD from an Excel date, an Excel serial number typed as a number, or text such as
 * 2001-07-01, 2001/7/1, 2001.07.01, 2001年7月1日, 20010701. A month alone (2001.07, 2001年7月) means its 1st,
 * as people often only know the month. Null when it is not a plausible date; '' for an empty cell.
 */
export function parseJoinDate(value: CellValue): string | null {
  if (value === null) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : validDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 7000 || value > 80000) return null;
    return formatDay(new Date((value - EXCEL_EPOCH_SERIAL) * 86400000));
  }
  const text = cellText(value);
  if (text === '') return '';
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (match) return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (match) return validDay(Number(match[1]), Number(match[2]), 1);
  return null;
}
