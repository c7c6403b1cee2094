-- People who joined a board through POST /api/boards/:id/people (their tokens are derived, never
-- stored), and an index for a board's total image bytes.
CREATE TABLE people (
  board_id text NOT NULL REFERENCES boards(id),
  id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  access_role text NOT NULL,
  joined_at bigint NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE INDEX assets_by_board ON assets(board_id);
