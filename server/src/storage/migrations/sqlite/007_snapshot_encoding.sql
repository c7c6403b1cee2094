-- Fewer pages written per append and smaller snapshots (issue 12: stored size).
-- A board's last seq is its log's highest, or its snapshot's once compaction emptied the log, so
-- an append no longer rewrites the board's row.
ALTER TABLE boards DROP COLUMN last_seq;
-- How a snapshot's data is stored: 0 as is (every snapshot written before this migration), 1 deflated.
ALTER TABLE snapshots ADD COLUMN encoding INTEGER NOT NULL DEFAULT 0;
