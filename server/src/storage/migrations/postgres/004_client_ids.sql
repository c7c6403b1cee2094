-- Which person first wrote with each Yjs client id on a board (the relay's client-id ownership).
CREATE TABLE client_ids (
  board_id text NOT NULL REFERENCES boards(id),
  client_id bigint NOT NULL,
  person_id text NOT NULL,
  PRIMARY KEY (board_id, client_id)
);
