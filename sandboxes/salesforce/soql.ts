// A deliberately small SOQL subset: what change polling and id lookups need. Anything else is
// rejected as MALFORMED_QUERY so the product cannot come to rely on an unsupported form.
export type SoqlValue = string | number | boolean | null | { datetime: number };
export type SoqlCondition = { field: string; op: string; values: SoqlValue[] };
export type SoqlQuery = {
  fields: string[];
  sobject: string;
  where: SoqlCondition[];
  orderBy?: { field: string; descending: boolean };
  limit?: number;
};

const QUERY_PATTERN = new RegExp(
  "^\\s*SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)" +
    "(?:\\s+WHERE\\s+(.+?))?" +
    "(?:\\s+ORDER\\s+BY\\s+(\\w+)(?:\\s+(ASC|DESC))?)?" +
    "(?:\\s+LIMIT\\s+(\\d+))?\\s*$",
  "is",
);

const CONDITION_PATTERN = /^(\w+)\s*(=|!=|<=|>=|<|>|\bIN\b)\s*(.+)$/is;

export function parseSoql(text: string): SoqlQuery | string {
  const match = QUERY_PATTERN.exec(text);
  if (!match) return `unexpected token in query: ${text.slice(0, 80)}`;
  const [, fieldList = "", sobject = "", whereText, orderField, direction, limit] = match;

  const fields = fieldList.split(",").map((f) => f.trim());
  if (fields.some((f) => !/^\w+$/.test(f))) return "only plain field names are supported";
  const where: SoqlCondition[] = [];
  for (const part of whereText ? splitAnd(whereText) : []) {
    const condition = parseCondition(part);
    if (typeof condition === "string") return condition;
    where.push(condition);
  }
  return {
    fields,
    sobject,
    where,
    orderBy: orderField
      ? { field: orderField, descending: direction?.toUpperCase() === "DESC" }
      : undefined,
    limit: limit ? Number(limit) : undefined,
  };
}

function splitAnd(text: string): string[] {
  if (/\bOR\b|\bNOT\b|\(\s*\w+\s*[=<>!]/i.test(text.replace(/'(?:[^'\\]|\\.)*'/g, "''"))) {
    return ["<unsupported OR/NOT/grouping>"];
  }
  return text.split(/\s+AND\s+(?=(?:[^']*'[^']*')*[^']*$)/i).map((s) => s.trim());
}

function parseCondition(text: string): SoqlCondition | string {
  const match = CONDITION_PATTERN.exec(text);
  if (!match) return `unexpected condition: ${text}`;
  const [, field = "", rawOp = "", rawValue = ""] = match;
  const op = rawOp.toUpperCase();
  if (op === "IN") {
    const inner = /^\((.*)\)$/s.exec(rawValue.trim());
    if (!inner) return "IN needs a parenthesised list";
    const values = (inner[1] ?? "").split(/,(?=(?:[^']*'[^']*')*[^']*$)/).map(parseLiteral);
    return values.some((v) => v === undefined)
      ? "bad IN list"
      : { field, op, values: values as SoqlValue[] };
  }
  const value = parseLiteral(rawValue);
  return value === undefined ? `unexpected value: ${rawValue}` : { field, op, values: [value] };
}

function parseLiteral(raw: string): SoqlValue | undefined {
  const text = raw.trim();
  const quoted = /^'((?:[^'\\]|\\.)*)'$/s.exec(text);
  if (quoted) return (quoted[1] ?? "").replace(/\\(.)/g, "$1");
  if (/^null$/i.test(text)) return null;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const normalized = text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
    return { datetime: Date.parse(normalized) };
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}
