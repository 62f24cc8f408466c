/**
 * Initial schema: users, posts and comments
 *
 * Revision: ae3612c1c069
 * Revises: <base>
 * Created: 2026-11-22 02:46:28 UTC
 *
 * Changes:
 * - create enum public.post_status ('draft', 'published', 'archived')
 * - create table public.comments
 * - create table public.posts
 * - create table public.users
 */
import type { MigrationContext } from "tidemark";

export const revision = "ae3612c1c069";
export const revises = null;

export async function up(db: MigrationContext): Promise<void> {
  await db.execute(
    "CREATE TYPE public.post_status AS ENUM ('draft', 'published', 'archived')",
  );
  await db.execute(`CREATE TABLE public.comments (
  id serial NOT NULL,
  post_id integer NOT NULL,
  author_id integer,
  body text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT comments_pkey PRIMARY KEY (id)
)`);
  await db.execute(`CREATE TABLE public.posts (
  id serial NOT NULL,
  author_id integer NOT NULL,
  title text NOT NULL,
  body text DEFAULT ''::text NOT NULL,
  status public.post_status DEFAULT 'draft'::public.post_status NOT NULL,
  published_at timestamp with time zone,
  CONSTRAINT posts_pkey PRIMARY KEY (id)
)`);
  await db.execute(`CREATE TABLE public.users (
  id serial NOT NULL,
  email character varying(320) NOT NULL,
  display_name text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT users_pkey PRIMARY KEY (id)
)`);
  await db.execute("CREATE INDEX posts_author_idx ON public.posts (author_id)");
  await db.execute(
    'CREATE UNIQUE INDEX users_email_idx ON public.users ((lower("email")))',
  );
  await db.execute(
    "ALTER TABLE public.comments ADD CONSTRAINT comments_post_id_posts_id_fk FOREIGN KEY (post_id) REFERENCES public.posts (id) ON DELETE CASCADE",
  );
  await db.execute(
    "ALTER TABLE public.comments ADD CONSTRAINT comments_author_id_users_id_fk FOREIGN KEY (author_id) REFERENCES public.users (id) ON DELETE SET NULL",
  );
  await db.execute(
    "ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_users_id_fk FOREIGN KEY (author_id) REFERENCES public.users (id) ON DELETE CASCADE",
  );
}

export async function down(db: MigrationContext): Promise<void> {
  await db.execute(
    "ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_users_id_fk",
  );
  await db.execute(
    "ALTER TABLE public.comments DROP CONSTRAINT comments_post_id_posts_id_fk",
  );
  await db.execute(
    "ALTER TABLE public.comments DROP CONSTRAINT comments_author_id_users_id_fk",
  );
  await db.execute("DROP TABLE public.users");
  await db.execute("DROP TABLE public.posts");
  await db.execute("DROP TABLE public.comments");
  await db.execute("DROP TYPE public.post_status");
}
