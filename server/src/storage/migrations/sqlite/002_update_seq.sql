-- Each board's update log numbered 1, 2, 3… (the storage interface's `seq`), the snapshot
-- recording how far it reaches; existing logs are renumbered in their order.
ALTER TABLE boards ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE TABLE board_updates (
  board_id TEXT NOT NULL REFERENCES boards(id),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
);
INSERT INTO board_updates (board_id, seq, data)
  SELECT board_id, ROW_NUMBER() OVER (PARTITION BY board_id ORDER BY seq), data FROM updates;
UPDATE boards SET last_seq = (SELECT COUNT(*) FROM updates WHERE updates.board_id = boards.id);
DROP TABLE updates;
ALTER TABLE board_updates RENAME TO updates;
