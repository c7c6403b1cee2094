-- One b-tree page written per appended update instead of two (issue 12: the commit before relay).
-- An update's key is one integer: the board's log number in the high 32 bits, its seq in the low
-- 32 (`(log_id << 32) | seq`), so the log is a table's rowid order with no separate index to keep.
-- Existing boards take their row's rowid as their log number; new ones the highest plus one.
ALTER TABLE boards ADD COLUMN log_id INTEGER NOT NULL DEFAULT 0;
UPDATE boards SET log_id = rowid;
CREATE UNIQUE INDEX boards_by_log ON boards(log_id);
CREATE TABLE keyed_updates (key INTEGER PRIMARY KEY, data BLOB NOT NULL);
INSERT INTO keyed_updates (key, data)
  SELECT (boards.log_id << 32) | updates.seq, updates.data FROM updates JOIN boards ON boards.id = updates.board_id;
DROP TABLE updates;
ALTER TABLE keyed_updates RENAME TO updates;
