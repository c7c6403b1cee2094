-- People who joined a board through POST /api/boards/:id/people (their tokens are derived, never
-- stored), and an index for a board's total image bytes.
CREATE TABLE people (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  access_role TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, id)
) WITHOUT ROWID;
CREATE INDEX assets_by_board ON assets(board_id);
