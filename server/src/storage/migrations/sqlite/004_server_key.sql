-- A fingerprint of the server key every board link derives from, so a database restored without
-- its server.key is noticed at start instead of every link silently failing.
CREATE TABLE server_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT NOT NULL
);
