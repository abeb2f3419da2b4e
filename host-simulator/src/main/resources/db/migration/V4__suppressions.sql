-- Recipients in control (contract v1.2 §6). A mute is one person's on one ticket; a bounce is an
-- address's, on every ticket, keyed by the address's normalised form. Both belong to the world:
-- a fixture load deletes them. The world's unsubscribe secret is a 'meta' document in docs.
CREATE TABLE mutes (
  ticket_id  VARCHAR(64) NOT NULL,
  contact_id VARCHAR(64) NOT NULL,
  body       ${text} NOT NULL,
  PRIMARY KEY (ticket_id, contact_id)
);

CREATE TABLE bounces (
  address_key VARCHAR(512) NOT NULL PRIMARY KEY,
  body        ${text} NOT NULL
);
