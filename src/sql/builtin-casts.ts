/**
 * The casts PostgreSQL's catalog (`pg_cast`) holds between the built-in types tidemark classifies,
 * and citext: source, then `target:<context><method>` where context is i (implicit), a (assignment)
 * or e (explicit only) and method f (a function), i (I/O) or b (binary coercible, no work at all).
 * The same on PostgreSQL 13 to 17; 18 adds `CASTS_SINCE_18`, which classification leaves out so
 * that it holds for every supported server. `test/integration/sql/type-changes.test.ts` checks both
 * against the server's catalog. Casts a type has to itself (length coercion) are not listed.
 */
const CASTS = `
bit int4:ef int8:ef varbit:ib
bool bpchar:af citext:af int4:ef text:af varchar:af
bpchar char:af citext:af name:if text:if varchar:if xml:ef
char bpchar:af int4:ef text:if varchar:af
cidr bpchar:af inet:ib text:af varchar:af
citext bpchar:ab text:ib varchar:ib
date timestamp:if timestamptz:if
float4 float8:if int2:af int4:af int8:af numeric:af
float8 float4:af int2:af int4:af int8:af numeric:af
inet bpchar:af cidr:af citext:af text:af varchar:af
int2 float4:if float8:if int4:if int8:if numeric:if
int4 bit:ef bool:ef char:ef float4:if float8:if int2:af int8:if money:af numeric:if
int8 bit:ef float4:if float8:if int2:af int4:af money:af numeric:if
interval time:af
json jsonb:ai
jsonb bool:ef float4:ef float8:ef int2:ef int4:ef int8:ef json:ai numeric:ef
macaddr macaddr8:if
macaddr8 macaddr:if
money numeric:af
name bpchar:af text:if varchar:af
numeric float4:if float8:if int2:af int4:af int8:af money:af
text bpchar:ib char:af citext:ab name:if varchar:ib xml:ef
time interval:if timetz:if
timestamp date:af time:af timestamptz:if
timestamptz date:af time:af timestamp:af timetz:af
timetz time:af
varbit bit:ib
varchar bpchar:ib char:af citext:ab name:if text:ib xml:ef
xml bpchar:ab text:ab varchar:ab
`;

/** Explicit casts between bytea and the integer types, new in PostgreSQL 18. */
export const CASTS_SINCE_18: readonly string[] = [
  "bytea int2:ef", "bytea int4:ef", "bytea int8:ef", "int2 bytea:ef", "int4 bytea:ef", "int8 bytea:ef",
];

/** The built-in types (by `pg_type` name) whose casts `CASTS` lists completely. */
export const KNOWN_TYPES: ReadonlySet<string> = new Set([
  "int2", "int4", "int8", "numeric", "float4", "float8", "money", "text", "varchar", "bpchar", "char", "name", "bool",
  "date", "time", "timetz", "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb", "bytea", "inet", "cidr",
  "macaddr", "macaddr8", "bit", "varbit", "xml", "citext",
]);

export type CastContext = "implicit" | "assignment" | "explicit";

export interface CatalogCast {
  readonly context: CastContext;
  /** Binary coercible: the stored bytes stay as they are. */
  readonly binary: boolean;
}

const CONTEXTS: Readonly<Record<string, CastContext>> = { i: "implicit", a: "assignment", e: "explicit" };

const TABLE: ReadonlyMap<string, CatalogCast> = new Map(
  CASTS.trim().split("\n").flatMap((line) => {
    const [source, ...targets] = line.split(" ");
    return targets.map((entry): [string, CatalogCast] => {
      const [target, code = ""] = entry.split(":");
      return [`${source} ${target}`, { context: CONTEXTS[code[0] ?? ""] ?? "explicit", binary: code[1] === "b" }];
    });
  }),
);

/** The catalog's cast from one known type to another, or null when it has none. */
export function catalogCast(source: string, target: string): CatalogCast | null {
  return TABLE.get(`${source} ${target}`) ?? null;
}

/** Every listed cast, for the test that compares them with the server's catalog. */
export function listedCasts(): readonly { readonly source: string; readonly target: string; readonly cast: CatalogCast }[] {
  return [...TABLE].map(([key, cast]) => {
    const [source = "", target = ""] = key.split(" ");
    return { source, target, cast };
  });
}
