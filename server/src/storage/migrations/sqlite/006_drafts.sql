-- A person's private draft document on a board (issue 10) is stored like a board: a `boards` row
-- named draftDocName(board, person), whose update log, snapshot and client ids are a board's.
-- `draft_of` and `draft_person` say whose it is; such a row is never a board of its own.
ALTER TABLE boards ADD COLUMN draft_of TEXT REFERENCES boards(id);
ALTER TABLE boards ADD COLUMN draft_person TEXT;
CREATE UNIQUE INDEX boards_drafts ON boards(draft_of, draft_person) WHERE draft_of IS NOT NULL;
