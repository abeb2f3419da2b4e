-- A ticket's outbox messages, read by ticket (a contact's view of the ticket, a bounce report, the
-- outbox filtered by ticket): without an index each such read scanned every message ever sent.
-- V1 made outbox.ticket_id but indexed only (state, seq), for the delivery queue. Plain SQL that
-- H2 and PostgreSQL both take.
CREATE INDEX outbox_ticket ON outbox (ticket_id, seq);
