import { bi } from '../errors.ts';

type Issue = {
  code?: string;
  message?: string;
  expected?: unknown;
  received?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  values?: unknown[];
  keys?: string[];
  origin?: string;
};

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  array: '数组',
  object: '对象',
  date: '日期',
};

/** Turns a Zod issue into one bilingual sentence. Custom (refine) messages are already bilingual. */
export function describeIssue(issue: Issue): string {
  const msg = issue.message ?? '';
  if (msg.includes(' / ')) return msg;
  switch (issue.code) {
    case 'invalid_type': {
      if (msg.includes('received undefined')) return bi('必填', 'Required');
      const expected = String(issue.expected ?? '');
      return bi(`类型错误，应为${typeNames[expected] ?? expected}`, `Expected ${expected}`);
    }
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? bi(
            `长度至少为 ${String(issue.minimum)}`,
            `Must have at least ${String(issue.minimum)} item(s)/character(s)`,
          )
        : bi(`不能小于 ${String(issue.minimum)}`, `Must be at least ${String(issue.minimum)}`);
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? bi(
            `长度不能超过 ${String(issue.maximum)}`,
            `Must have at most ${String(issue.maximum)} item(s)/character(s)`,
          )
        : bi(`不能大于 ${String(issue.maximum)}`, `Must be at most ${String(issue.maximum)}`);
    case 'invalid_format':
      return bi(`格式错误（${issue.format ?? ''}）`, `Invalid format (${issue.format ?? ''})`);
    case 'invalid_value':
    case 'invalid_enum_value':
      return bi(
        `取值无效，可选：${(issue.values ?? []).map(String).join('、')}`,
        `Invalid value; expected one of: ${(issue.values ?? []).map(String).join(', ')}`,
      );
    case 'unrecognized_keys':
      return bi(
        `不支持的字段：${(issue.keys ?? []).join('、')}`,
        `Unknown field(s): ${(issue.keys ?? []).join(', ')}`,
      );
    case 'not_multiple_of':
      return bi('必须为整数', 'Must be a whole number');
    default:
      return bi(`输入有误：${msg}`, msg || 'Invalid input');
  }
}
