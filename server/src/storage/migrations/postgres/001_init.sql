-- Boards, their numbered update logs, snapshots and images. `last_seq` is the last number handed
-- out on a board's log: appending bumps it under the row's lock, so two instances writing the
-- same board get distinct, gap-free numbers in commit order.
CREATE TABLE boards (
  id text PRIMARY KEY,
  title text NOT NULL,
  template text NOT NULL,
  created_at bigint NOT NULL,
  secret_generation integer NOT NULL DEFAULT 0,
  last_seq bigint NOT NULL DEFAULT 0
);
CREATE TABLE snapshots (
  board_id text PRIMARY KEY REFERENCES boards(id),
  seq bigint NOT NULL,
  data bytea NOT NULL
);
CREATE TABLE updates (
  board_id text NOT NULL REFERENCES boards(id),
  seq bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE assets (
  id text PRIMARY KEY,
  board_id text NOT NULL REFERENCES boards(id),
  content_type text NOT NULL,
  data bytea NOT NULL
);
CREATE TABLE health (id integer PRIMARY KEY, checked_at bigint NOT NULL);
