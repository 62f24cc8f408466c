import { NOT_EXTENSION_MEMBER } from "./catalog-queries.js";

/**
 * Catalog queries for what the IR does not manage. Each returns rows of (kind, name, fingerprint)
 * for every schema in $1: the fingerprint changes when the object does, so two databases can be
 * told apart on these objects without tidemark modelling them.
 */
const IN_SCHEMAS = "n.nspname = any($1::text[])";

/**
 * An ACL as sorted `grantee=privilege[*]` pairs, leaving out the owner's own grants and the grantor,
 * and MAINTAIN (PostgreSQL 17 grants it to owners and with ALL; 15 has no such privilege): the
 * same grants compare equal in a scratch database, where the migrations ran as another role than
 * production's owner, possibly on another version (else every granted table would be drift).
 */
const acl = (column: string, owner: string) =>
  `coalesce((select string_agg(case when x.grantee = 0 then 'PUBLIC' else pg_get_userbyid(x.grantee) end || '=' || ` +
  `x.privilege_type || case when x.is_grantable then '*' else '' end, ',' order by 1) ` +
  `from aclexplode(${column}) x where x.grantee <> ${owner} and x.privilege_type <> 'MAINTAIN'), '')`;

export const UNMANAGED_QUERIES: readonly string[] = [
  // Functions, procedures, aggregates, window functions.
  `select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end as kind,
     n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as name,
     md5(case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) else p.prosrc end || ${acl("p.proacl", "p.proowner")}) as fingerprint
   from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where ${IN_SCHEMAS} and ${NOT_EXTENSION_MEMBER("pg_proc", "p.oid")}`,
  // Triggers, constraint triggers included.
  `select 'trigger' as kind, n.nspname || '.' || c.relname || '.' || t.tgname as name,
     md5(pg_get_triggerdef(t.oid) || t.tgenabled::text) as fingerprint
   from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
   where ${IN_SCHEMAS} and not t.tgisinternal`,
  // Row-level security policies.
  `select 'policy' as kind, n.nspname || '.' || c.relname || '.' || p.polname as name,
     md5(concat_ws('|', p.polcmd, p.polpermissive, p.polroles::text, pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))) as fingerprint
   from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
   where ${IN_SCHEMAS}`,
  // Per-relation properties: RLS, persistence, replica identity, storage parameters, privileges.
  `select 'relation options' as kind, n.nspname || '.' || c.relname as name,
     md5(concat_ws('|', c.relrowsecurity, c.relforcerowsecurity, c.relpersistence, c.relreplident,
       coalesce(c.reloptions::text, ''), ${acl("c.relacl", "c.relowner")},
       (select string_agg(a.attname || ':' || ${acl("a.attacl", "c.relowner")}, ',' order by a.attnum) from pg_attribute a
        where a.attrelid = c.oid and a.attacl is not null))) as fingerprint
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where ${IN_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
     and (c.relrowsecurity or c.relforcerowsecurity or c.relpersistence <> 'p' or c.relreplident not in ('d', 'n')
       or c.reloptions is not null or c.relacl is not null
       or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attacl is not null))`,
  // Partitioned tables and partitions, whole: columns, key, bound, constraints and indexes.
  `select case when c.relkind = 'p' then 'partitioned table' else 'partition' end as kind,
     n.nspname || '.' || c.relname as name,
     md5(concat_ws('|', coalesce(pg_get_partkeydef(c.oid), ''), coalesce(pg_get_expr(c.relpartbound, c.oid), ''),
       (select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' ||
          coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ',' order by a.attname)
        from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped),
       (select string_agg(pg_get_constraintdef(k.oid), ',' order by k.conname) from pg_constraint k where k.conrelid = c.oid),
       (select string_agg(pg_get_indexdef(i.indexrelid), ',' order by 1) from pg_index i where i.indrelid = c.oid))) as fingerprint
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where ${IN_SCHEMAS} and (c.relkind = 'p' or c.relispartition)`,
  // Table inheritance outside partitioning.
  `select 'inheritance' as kind, n.nspname || '.' || c.relname as name,
     md5(string_agg(pn.nspname || '.' || pc.relname, ',' order by i.inhseqno)) as fingerprint
   from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_namespace n on n.oid = c.relnamespace
   join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
   where ${IN_SCHEMAS} and not c.relispartition group by n.nspname, c.relname`,
  `select 'inheritance parent' as kind, pn.nspname || '.' || pc.relname as name,
     md5(string_agg(n.nspname || '.' || c.relname, ',' order by n.nspname, c.relname)) as fingerprint
   from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_namespace n on n.oid = c.relnamespace
   join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
   where pn.nspname = any($1::text[]) and not c.relispartition group by pn.nspname, pc.relname`,
  // Exclusion constraints.
  `select 'exclusion constraint' as kind, n.nspname || '.' || c.relname || '.' || k.conname as name,
     md5(pg_get_constraintdef(k.oid)) as fingerprint
   from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
   where ${IN_SCHEMAS} and k.contype = 'x'`,
  // Domains, composite and range types; user collations.
  `select case t.typtype when 'd' then 'domain' when 'c' then 'composite type' else 'range type' end as kind,
     n.nspname || '.' || t.typname as name,
     md5(concat_ws('|', format_type(t.typbasetype, t.typtypmod), t.typnotnull, coalesce(t.typdefault, ''), ${acl("t.typacl", "t.typowner")},
       (select string_agg(pg_get_constraintdef(k.oid), ',' order by k.conname) from pg_constraint k where k.contypid = t.oid),
       (select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ',' order by a.attnum)
        from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0))) as fingerprint
   from pg_type t join pg_namespace n on n.oid = t.typnamespace
   left join pg_class tc on tc.oid = t.typrelid
   where ${IN_SCHEMAS} and (t.typtype in ('d', 'r') or (t.typtype = 'c' and tc.relkind = 'c'))
     and ${NOT_EXTENSION_MEMBER("pg_type", "t.oid")}`,
  `select 'collation' as kind, n.nspname || '.' || c.collname as name,
     md5(concat_ws('|', c.collprovider, c.collcollate, c.collctype, c.collisdeterministic)) as fingerprint
   from pg_collation c join pg_namespace n on n.oid = c.collnamespace
   where ${IN_SCHEMAS} and ${NOT_EXTENSION_MEMBER("pg_collation", "c.oid")}`,
  // Rules other than views' own, and privileges on schemas, enums and sequences' types.
  `select 'rule' as kind, n.nspname || '.' || c.relname || '.' || r.rulename as name, md5(pg_get_ruledef(r.oid)) as fingerprint
   from pg_rewrite r join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
   where ${IN_SCHEMAS} and r.rulename <> '_RETURN'`,
  `select 'schema privileges' as kind, n.nspname as name, md5(${acl("n.nspacl", "n.nspowner")}) as fingerprint
   from pg_namespace n where ${IN_SCHEMAS} and n.nspacl is not null`,
];
