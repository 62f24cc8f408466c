/**
 * The catalog queries. Each reads one kind of object for every schema in the filter ($1, a text
 * array) at once, so introspection costs the same number of round trips at 5 tables or 5,000.
 * They run with `search_path = pg_catalog`, so every user object they print is schema-qualified.
 */

/** Features that differ between the PostgreSQL versions we support (13 to 18). */
export interface ServerFeatures {
  /** UNIQUE NULLS NOT DISTINCT and pg_index.indnullsnotdistinct: PostgreSQL 15+. */
  readonly nullsNotDistinct: boolean;
}

export function serverFeatures(versionNum: number): ServerFeatures {
  return { nullsNotDistinct: versionNum >= 150000 };
}

/** Objects that belong to an extension are the extension's business, not the schema's. */
export const NOT_EXTENSION_MEMBER = (classTable: string, oid: string): string =>
  `not exists (select 1 from pg_depend e where e.classid = '${classTable}'::regclass and e.objid = ${oid} and e.deptype = 'e')`;

export const NAMESPACES_SQL = `
select n.nspname as name, obj_description(n.oid, 'pg_namespace') as comment
from pg_namespace n
where n.nspname = any($1::text[])
order by n.nspname`;

export const EXTENSIONS_SQL = `
select x.extname as name, n.nspname as schema, x.extversion as version
from pg_extension x
join pg_namespace n on n.oid = x.extnamespace
where n.nspname = any($1::text[])
order by x.extname`;

export const ENUMS_SQL = `
select n.nspname as schema, t.typname as name,
  array(select v.enumlabel::text from pg_enum v where v.enumtypid = t.oid order by v.enumsortorder) as values,
  obj_description(t.oid, 'pg_type') as comment
from pg_type t
join pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'e' and n.nspname = any($1::text[]) and ${NOT_EXTENSION_MEMBER("pg_type", "t.oid")}
order by n.nspname, t.typname`;

const SEQUENCE_OPTION_COLUMNS = `
  format_type(s.seqtypid, null) as seq_type, s.seqstart::text as seq_start,
  s.seqincrement::text as seq_increment, s.seqmin::text as seq_min, s.seqmax::text as seq_max,
  s.seqcache::text as seq_cache, s.seqcycle as seq_cycle`;

export const SEQUENCES_SQL = `
select n.nspname as schema, c.relname as name, ${SEQUENCE_OPTION_COLUMNS},
  own.deptype::text as owner_deptype, own_n.nspname as owner_schema, own_c.relname as owner_table,
  own_a.attname as owner_column, obj_description(c.oid, 'pg_class') as comment
from pg_sequence s
join pg_class c on c.oid = s.seqrelid
join pg_namespace n on n.oid = c.relnamespace
left join lateral (
  select d.deptype, d.refobjid, d.refobjsubid from pg_depend d
  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
    and d.deptype in ('a', 'i')
  limit 1
) own on true
left join pg_class own_c on own_c.oid = own.refobjid
left join pg_namespace own_n on own_n.oid = own_c.relnamespace
left join pg_attribute own_a on own_a.attrelid = own.refobjid and own_a.attnum = own.refobjsubid
where n.nspname = any($1::text[]) and ${NOT_EXTENSION_MEMBER("pg_class", "c.oid")}
order by n.nspname, c.relname`;

export const RELATIONS_SQL = `
select n.nspname as schema, c.relname as name, c.relkind::text as kind,
  case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as definition,
  obj_description(c.oid, 'pg_class') as comment
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1::text[]) and c.relkind in ('r', 'v', 'm') and not c.relispartition
  and ${NOT_EXTENSION_MEMBER("pg_class", "c.oid")}
order by n.nspname, c.relname`;

/**
 * Sequences owned by a column: 'a' for OWNED BY (serial, or by hand), 'i' for an identity column's.
 * Joined by hash rather than probed per column, which matters at tens of thousands of columns.
 */
const OWNED_SEQUENCES = `
  select d.refobjid as relid, d.refobjsubid as attnum, d.objid as seqrelid, d.deptype,
    row_number() over (partition by d.refobjid, d.refobjsubid order by d.deptype desc) as rank
  from pg_depend d join pg_sequence ps on ps.seqrelid = d.objid
  where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')`;

/**
 * The column is `serial`: its default is nextval() of a sequence it owns, and that sequence has
 * exactly the options serial gives it, so calling the column serial loses nothing but the name.
 */
const IS_SERIAL = `coalesce(seq.deptype = 'a' and a.attgenerated = ''
    and s.seqtypid = a.atttypid and s.seqstart = 1 and s.seqincrement = 1 and s.seqmin = 1
    and s.seqcache = 1 and not s.seqcycle
    and s.seqmax = case a.atttypid when 'int2'::regtype then 32767 when 'int4'::regtype then 2147483647
      else 9223372036854775807 end
    and expr.text = format('nextval(%L::regclass)', seq.seqrelid::regclass::text), false)`;

export const COLUMNS_SQL = `
with owned as (${OWNED_SEQUENCES})
select n.nspname as schema, c.relname as table, a.attname as name,
  format_type(a.atttypid, a.atttypmod) as type_sql,
  case when et.typnamespace <> 'pg_catalog'::regnamespace then etn.nspname end as user_type_schema,
  case when et.typnamespace <> 'pg_catalog'::regnamespace then et.typname end as user_type_name,
  a.attnotnull as not_null,
  case when a.attgenerated = '' then expr.text end as default_sql,
  case when a.attgenerated <> '' then expr.text end as generated_sql,
  a.attgenerated::text as generated_kind, a.attidentity::text as identity,
  ${IS_SERIAL} as is_serial,
  seq_n.nspname as serial_sequence_schema, seq_c.relname as serial_sequence_name,
  case when a.attidentity <> '' then format_type(s.seqtypid, null) end as seq_type,
  s.seqstart::text as seq_start, s.seqincrement::text as seq_increment, s.seqmin::text as seq_min,
  s.seqmax::text as seq_max, s.seqcache::text as seq_cache, s.seqcycle as seq_cycle,
  case when a.attcollation <> t.typcollation then coll_n.nspname end as collation_schema,
  case when a.attcollation <> t.typcollation then coll.collname end as collation_name,
  dsc.description as comment
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
join pg_type et on et.oid = case when t.typcategory = 'A' and t.typelem <> 0 then t.typelem else t.oid end
join pg_namespace etn on etn.oid = et.typnamespace
left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
left join lateral (select pg_get_expr(ad.adbin, ad.adrelid) as text) expr on true
left join owned seq on seq.relid = a.attrelid and seq.attnum = a.attnum and seq.rank = 1
left join pg_sequence s on s.seqrelid = seq.seqrelid
left join pg_class seq_c on seq_c.oid = seq.seqrelid
left join pg_namespace seq_n on seq_n.oid = seq_c.relnamespace
left join pg_collation coll on coll.oid = a.attcollation
left join pg_namespace coll_n on coll_n.oid = coll.collnamespace
left join pg_description dsc on dsc.objoid = a.attrelid and dsc.classoid = 'pg_class'::regclass
  and dsc.objsubid = a.attnum
where n.nspname = any($1::text[]) and c.relkind = 'r' and not c.relispartition
  and a.attnum > 0 and not a.attisdropped
order by n.nspname, c.relname, a.attnum`;

const attributeNames = (relation: string, attnums: string): string => `array(
    select att.attname::text from unnest(${attnums}) with ordinality k(attnum, ord)
    join pg_attribute att on att.attrelid = ${relation} and att.attnum = k.attnum
    order by k.ord)`;

/** Constraints a partition or a referencing table got from a partitioned parent's (conparentid) are the parent's. */
export function constraintsSql(features: ServerFeatures): string {
  const nullsNotDistinct = features.nullsNotDistinct
    ? "coalesce((select i.indnullsnotdistinct from pg_index i where i.indexrelid = con.conindid), false)"
    : "false";
  return `
select n.nspname as schema, c.relname as table, con.conname as name, con.contype::text as type,
  ${attributeNames("con.conrelid", "con.conkey")} as columns,
  rn.nspname as ref_schema, rc.relname as ref_table,
  case when con.contype = 'f' then ${attributeNames("con.confrelid", "con.confkey")} end as ref_columns,
  con.confdeltype::text as on_delete, con.confupdtype::text as on_update,
  con.confmatchtype::text as match_type,
  con.condeferrable as deferrable, con.condeferred as deferred, con.connoinherit as no_inherit,
  case when con.contype = 'c' then pg_get_expr(con.conbin, con.conrelid) end as expression,
  ${nullsNotDistinct} as nulls_not_distinct
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class rc on rc.oid = con.confrelid
left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any($1::text[]) and c.relkind = 'r' and not c.relispartition
  and con.contype in ('p', 'u', 'f', 'c') and con.conparentid = 0
order by n.nspname, c.relname, con.conname`;
}

export function indexesSql(features: ServerFeatures): string {
  const nullsNotDistinct = features.nullsNotDistinct ? "i.indnullsnotdistinct" : "false";
  return `
select n.nspname as schema, c.relname as table, ic.relname as name, i.indisunique as unique,
  am.amname as method, i.indnkeyatts::int as key_count,
  (select json_agg(json_build_object(
      'column', att.attname,
      'definition', pg_get_indexdef(i.indexrelid, k.ord::int, true),
      'option', k.option,
      'opclass', case when not oc.opcdefault then json_build_object('schema', ocn.nspname, 'name', oc.opcname) end,
      'collation', case when k.coll <> 0 and k.coll <> coalesce(att.attcollation, 100)
        then json_build_object('schema', coln.nspname, 'name', col.collname) end
    ) order by k.ord)
    from unnest(i.indkey::int2[], i.indclass::oid[], i.indoption::int2[], i.indcollation::oid[])
      with ordinality k(attnum, opclass, option, coll, ord)
    left join pg_attribute att on att.attrelid = i.indrelid and att.attnum = k.attnum and k.attnum <> 0
    left join pg_opclass oc on oc.oid = k.opclass
    left join pg_namespace ocn on ocn.oid = oc.opcnamespace
    left join pg_collation col on col.oid = k.coll
    left join pg_namespace coln on coln.oid = col.collnamespace
  ) as keys,
  pg_get_expr(i.indpred, i.indrelid) as predicate,
  ${nullsNotDistinct} as nulls_not_distinct,
  obj_description(ic.oid, 'pg_class') as comment
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class c on c.oid = i.indrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_am am on am.oid = ic.relam
where n.nspname = any($1::text[]) and c.relkind in ('r', 'm') and not c.relispartition
  and not exists (
    select 1 from pg_constraint con
    where con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x'))
order by n.nspname, c.relname, ic.relname`;
}
