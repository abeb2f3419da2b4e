package dev.deskcc.sim.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL for tests, started once per test JVM (kept in JUnit's root store, closed when
 * the run ends), with a fresh database per caller.
 */
final class EmbeddedPostgresDb implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresDb(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Gives a test (constructor or method) the shared instance. */
  static final class Resolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == EmbeddedPostgresDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return in(context);
    }
  }

  static EmbeddedPostgresDb in(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(EmbeddedPostgresDb.class, k -> start(), EmbeddedPostgresDb.class);
  }

  private static EmbeddedPostgresDb start() {
    try {
      return new EmbeddedPostgresDb(EmbeddedPostgres.builder().start());
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  /** A new, empty database; its JDBC URL (user postgres, no password). */
  String newDatabase() {
    String name = "deskcc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name + "?user=postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
