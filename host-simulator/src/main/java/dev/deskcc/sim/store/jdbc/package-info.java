/**
 * The store on a database (H2 file or PostgreSQL) through JDBC: schema migrations (Flyway),
 * reads, transactions with row locks, outbox numbering, and the folder lock that keeps one
 * simulator per H2 folder. Implements {@code dev.deskcc.sim.store}; used by nothing else.
 */
package dev.deskcc.sim.store.jdbc;
