-- A fingerprint of the server key every board link derives from, so an instance started with
-- another key refuses to start instead of handing out links the others reject.
CREATE TABLE server_key (
  id integer PRIMARY KEY CHECK (id = 1),
  fingerprint text NOT NULL
);
