-- Writers on several nodes no longer take one world lock, so nothing they all write may be a
-- single counter row held until commit: ids and ticket numbers come from sequences (no lock,
-- gaps where a change rolled back; H2, a single writer, keeps the V1 counters). The values go on
-- from where the V1 counters left them:
--   id            = idBase + nextval(ids)
--   ticket number = nextval(ticket_numbers) - ticketNumberBase   (a fixture load moves the base)
-- The 'id' and 'ticketNumber' counter rows are no longer written. 'outboxSeq' stays a counter:
-- seqs must grow by one per message in the order readers see them; it is locked only by the
-- short numbering transactions after commits (H2, a single writer: in the change's commit).
CREATE SEQUENCE ids START WITH 1;
CREATE SEQUENCE ticket_numbers START WITH 1;

INSERT INTO counters (name, counter_value)
  SELECT 'idBase', COALESCE(MAX(counter_value), 0) FROM counters WHERE name = 'id';
INSERT INTO counters (name, counter_value)
  SELECT 'ticketNumberBase', -COALESCE(MAX(counter_value), 100) FROM counters WHERE name = 'ticketNumber';
INSERT INTO counters (name, counter_value)
  SELECT 'outboxSeq', 0 FROM counters WHERE name = 'world'
  AND NOT EXISTS (SELECT 1 FROM counters WHERE name = 'outboxSeq');

-- PostgreSQL: a change writes its outbox messages with seq = -nextval(outbox_unnumbered) and
-- numbers them after its commit, in a short transaction of its own (JdbcStore's OutboxNumbering)
CREATE SEQUENCE outbox_unnumbered START WITH 1;
