/**
 * Drizzle's spelling of a built-in type (`getSQLType()`) in PostgreSQL's own (`format_type()`), so
 * that a model and a database compare equal: `varchar(20)` is `character varying(20)`,
 * `timestamp (3) with time zone` is `timestamp(3) with time zone`. Returns null for a type it does
 * not know (a custom or extension type), which the database canonicalizes instead.
 */
export function canonicalBuiltinType(sqlType: string): string | null {
  const text = sqlType.trim().toLowerCase().replaceAll(/\s+/g, " ").replaceAll(/\s*\(\s*/g, "(").replaceAll(/\s*,\s*/g, ",").replaceAll(/\s*\)/g, ")");
  const arrayMatch = /^(.*?)((\[\d*\])+)$/.exec(text);
  if (arrayMatch?.[1] !== undefined) {
    const element = canonicalBuiltinType(arrayMatch[1]);
    return element === null ? null : `${element}[]`;
  }
  return SIMPLE[text] ?? parameterized(text);
}

const SIMPLE: Readonly<Record<string, string>> = {
  int: "integer", int4: "integer", integer: "integer", int2: "smallint", smallint: "smallint",
  int8: "bigint", bigint: "bigint", serial: "integer", serial4: "integer", smallserial: "smallint",
  serial2: "smallint", bigserial: "bigint", serial8: "bigint",
  boolean: "boolean", bool: "boolean", text: "text", uuid: "uuid", bytea: "bytea",
  json: "json", jsonb: "jsonb", inet: "inet", cidr: "cidr", macaddr: "macaddr", macaddr8: "macaddr8",
  point: "point", line: "line", real: "real", float4: "real", "double precision": "double precision",
  float8: "double precision", date: "date", interval: "interval", numeric: "numeric", decimal: "numeric",
  varchar: "character varying", "character varying": "character varying", char: "character(1)",
  character: "character(1)", bpchar: "bpchar", time: "time without time zone",
  "time without time zone": "time without time zone", "time with time zone": "time with time zone",
  timetz: "time with time zone", timestamp: "timestamp without time zone",
  "timestamp without time zone": "timestamp without time zone",
  "timestamp with time zone": "timestamp with time zone", timestamptz: "timestamp with time zone",
  money: "money", xml: "xml", tsvector: "tsvector", tsquery: "tsquery", bit: "bit(1)", varbit: "bit varying",
  "bit varying": "bit varying", oid: "oid",
};

const PARAMETERIZED: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:varchar|character varying)\((\d+)\)$/, (m) => `character varying(${m[1]})`],
  [/^(?:char|character|bpchar)\((\d+)\)$/, (m) => `character(${m[1]})`],
  [/^(?:numeric|decimal)\((\d+)\)$/, (m) => `numeric(${m[1]},0)`],
  [/^(?:numeric|decimal)\((\d+),(-?\d+)\)$/, (m) => `numeric(${m[1]},${m[2]})`],
  [/^(?:bit)\((\d+)\)$/, (m) => `bit(${m[1]})`],
  [/^(?:varbit|bit varying)\((\d+)\)$/, (m) => `bit varying(${m[1]})`],
  [/^time\((\d)\)(?: without time zone)?$/, (m) => `time(${m[1]}) without time zone`],
  [/^(?:time\((\d)\) with time zone|timetz\((\d)\))$/, (m) => `time(${m[1] ?? m[2]}) with time zone`],
  [/^timestamp\((\d)\)(?: without time zone)?$/, (m) => `timestamp(${m[1]}) without time zone`],
  [/^(?:timestamp\((\d)\) with time zone|timestamptz\((\d)\))$/, (m) => `timestamp(${m[1] ?? m[2]}) with time zone`],
  [/^interval\((\d)\)$/, (m) => `interval(${m[1]})`],
  [/^interval ((?:year|month|day|hour|minute|second)(?: to (?:month|hour|minute|second))?)(?:\((\d)\))?$/, (m) => `interval ${m[1]}${m[2] === undefined ? "" : `(${m[2]})`}`],
];

function parameterized(text: string): string | null {
  for (const [pattern, canonical] of PARAMETERIZED) {
    const match = pattern.exec(text);
    if (match !== null) return canonical(match);
  }
  return null;
}
