package dev.deskcc.sim.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.store.DeliveryState;
import dev.deskcc.sim.store.Store;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store in a SQL database: an H2 file under a data folder ({@link #h2(Path)}) or PostgreSQL
 * shared by any number of nodes ({@link #postgres(String, String)}). The schema is Flyway's
 * {@code db/migration}. Nothing that decides behaviour is kept in this object: every read goes to
 * the database, so every node sees every commit.
 *
 * <p>Writes: one JDBC transaction per {@link StoreTx}, committed before the change is answered.
 * H2 (one process owns the file) serialises them with a JVM lock, as in memory. PostgreSQL runs
 * them side by side, from any number of nodes, locking at the grain of the work (a ticket, a
 * department; see {@link JdbcTx}); ids and ticket numbers come from sequences, contacts are
 * insert-or-get on their unique address, outbox seqs are given at commit. A deadlock or a key
 * inserted first by another transaction surfaces as a {@link dev.deskcc.sim.store.StoreConflict}
 * that the change engine retries.
 *
 * <p>Outbox: a node delivering a message holds a claim on it (its node id and a lease); claims are
 * taken with {@code FOR UPDATE SKIP LOCKED}, renewed while the node polls, and left to expire when
 * the node dies, so another node takes the message over.
 */
public final class JdbcStore implements Store {
  /** How long a claim on an outbox message lasts without renewal. */
  public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(10);

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final StoreJson json = new StoreJson();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final String nodeId = UUID.randomUUID().toString();
  private final Clock leaseClock = Clock.systemUTC();
  private final Duration claimLease;

  private AutoCloseable folderLock = () -> { };

  private JdbcStore(HikariDataSource dataSource, Dialect dialect, Duration claimLease) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.claimLease = claimLease;
  }

  /**
   * Opens (creating and migrating when needed) the H2 database in {@code dataDir}.
   *
   * @throws StoreFailure {@code DATA_DIR_UNUSABLE} when the folder cannot be made, written, or is
   *     held by another running simulator
   */
  public static JdbcStore h2(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    refuseUrlSyntax(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException | RuntimeException e) {
      throw new StoreFailure(StoreFailure.Code.DATA_DIR_UNUSABLE, "data folder " + dir + " cannot be created: " + e, e);
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new StoreFailure(StoreFailure.Code.DATA_DIR_UNUSABLE, "data folder " + dir + " is not a writable folder", null);
    }
    FolderLock lock = FolderLock.take(dir);
    HikariConfig config = new HikariConfig();
    // WRITE_DELAY=0: a commit reaches the file before the change is answered, so a killed process
    // loses nothing it acknowledged. The simulator closes the database itself (after HTTP stops).
    config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("deskcc") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(8);
    config.setPoolName("deskcc-h2");
    try {
      JdbcStore store = open(config, Dialect.H2, StoreFailure.Code.DATA_DIR_UNUSABLE, "data folder " + dir,
          DEFAULT_CLAIM_LEASE);
      store.folderLock = lock;
      return store;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * H2 reads its settings from the URL after the first {@code ;} and has no way to escape one in a
   * file name, so a folder named {@code x;INIT=RUNSCRIPT FROM '…'} would run SQL at start and
   * {@code x;…} would put the database outside the locked folder. Such a folder is refused before
   * anything is created; every other character means itself after {@code jdbc:h2:file:} with an
   * absolute path (no {@code ~}, no {@code ./}, no prefix such as {@code nio:}).
   */
  private static void refuseUrlSyntax(Path dir) {
    String path = dir.toString();
    if (path.indexOf(';') >= 0 || path.chars().anyMatch(Character::isISOControl) || !dir.isAbsolute()) {
      throw new StoreFailure(StoreFailure.Code.DATA_DIR_UNUSABLE, "data folder " + path
          + " has a ';' or a control character in its path, which the database URL cannot carry; choose another folder",
          null);
    }
  }

  /**
   * Connects to PostgreSQL ({@code jdbc:postgresql://HOST:PORT/DB?user=U}) and migrates the
   * schema (Flyway serialises concurrent starts of several nodes).
   *
   * @param password may be {@code null} (then the URL or the server decides)
   * @throws StoreFailure {@code DATABASE_UNUSABLE} for another kind of URL or when it cannot connect
   */
  public static JdbcStore postgres(String jdbcUrl, String password) {
    return postgres(jdbcUrl, password, DEFAULT_CLAIM_LEASE);
  }

  /** As {@link #postgres(String, String)}, with the outbox claim lease given. */
  public static JdbcStore postgres(String jdbcUrl, String password, Duration claimLease) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new StoreFailure(StoreFailure.Code.DATABASE_UNUSABLE,
          "database URL must look like jdbc:postgresql://HOST:PORT/DB?user=U, not " + jdbcUrl, null);
    }
    probe(jdbcUrl, password);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(8);
    config.setPoolName("deskcc-pg");
    // the row locks rely on READ COMMITTED: a statement after a lock is granted sees every commit
    // made before it (a stricter level would fail such a transaction instead of letting it go on)
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return open(config, Dialect.POSTGRES, StoreFailure.Code.DATABASE_UNUSABLE, "database " + redact(jdbcUrl),
        claimLease);
  }

  /** One plain connection first: a clear one-line refusal instead of a pool's stack traces. */
  private static void probe(String jdbcUrl, String password) {
    java.util.Properties props = new java.util.Properties();
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "10");
    try (Connection c = new org.postgresql.Driver().connect(jdbcUrl, props)) {
      if (c == null) {
        throw new SQLException("not a PostgreSQL URL");
      }
    } catch (SQLException e) {
      throw new StoreFailure(StoreFailure.Code.DATABASE_UNUSABLE,
          "database " + redact(jdbcUrl) + " cannot be reached: " + e.getMessage(), e);
    }
  }

  private static JdbcStore open(HikariConfig config, Dialect dialect, StoreFailure.Code code, String what,
      Duration claimLease) {
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreFailure(code, what + " cannot be opened: " + rootMessage(e), e);
    }
    try {
      Flyway.configure(JdbcStore.class.getClassLoader())
          .dataSource(ds)
          .locations("classpath:db/migration")
          .javaMigrations(new V3__CanonicalAddressKeys())
          .placeholders(dialect.placeholders())
          .load()
          .migrate();
    } catch (FlywayException | IllegalStateException e) {
      ds.close();
      throw new StoreFailure(code, what + " cannot be migrated: " + rootMessage(e), e);
    }
    return new JdbcStore(ds, dialect, claimLease);
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return Objects.toString(t.getMessage(), t.getClass().getSimpleName());
  }

  /** This node's id in outbox claims. */
  public String nodeId() {
    return nodeId;
  }

  @Override
  public StoreReader read() {
    return new Committed();
  }

  @Override
  public boolean singleWriter() {
    return dialect != Dialect.POSTGRES;
  }

  @Override
  public StoreTx begin() {
    boolean single = singleWriter();
    if (single) {
      writeLock.lock();
    }
    Runnable release = single ? writeLock::unlock : () -> { };
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      dialect.beginWrite(connection);
      return new JdbcTx(connection, dialect, json, release);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      release.run();
      throw e instanceof SQLException sql ? Sql.failure("BEGIN", sql) : (RuntimeException) e;
    }
  }

  @Override
  public boolean holdsWorld() {
    return autoCommit(sql -> sql.one("SELECT counter_value FROM counters WHERE name = 'world'", rs -> rs.getLong(1)))
        .isPresent();
  }

  @Override
  public <T> T exclusively(java.util.function.Supplier<T> work) {
    if (dialect != Dialect.POSTGRES) {
      return work.get();
    }
    // a session-level lock on a connection of its own: the work opens write transactions, which
    // take the (transaction-level) world lock on other connections, exclusively to load a fixture
    try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + Dialect.START_LOCK + ")");
      try {
        return work.get();
      } finally {
        s.execute("SELECT pg_advisory_unlock(" + Dialect.START_LOCK + ")");
      }
    } catch (SQLException e) {
      throw Sql.failure("START LOCK", e);
    }
  }

  // ---- OutboxQueue: claims so that each message is delivered by one node

  @Override
  public List<OutgoingMail> pending(int max) {
    if (dialect == Dialect.POSTGRES) {
      numberLeftovers();
    }
    Instant now = leaseClock.instant();
    return inTransaction(sql -> {
      // one process owns an H2 folder: claims left by an earlier (killed) run of it do not count
      List<Long> seqs = dialect == Dialect.H2
          ? sql.list("SELECT seq FROM outbox WHERE state = ? ORDER BY seq LIMIT ?" + dialect.claimLocking(),
              rs -> rs.getLong(1), DeliveryState.PENDING.name(), max)
          : sql.list("SELECT seq FROM outbox WHERE state = ? AND seq > 0 AND (claimed_by = ? OR claim_until IS NULL"
              + " OR claim_until < ?) ORDER BY seq LIMIT ?" + dialect.claimLocking(), rs -> rs.getLong(1),
              DeliveryState.PENDING.name(), nodeId, now, max);
      Instant until = now.plus(claimLease);
      for (long seq : seqs) {
        sql.update("UPDATE outbox SET claimed_by = ?, claim_until = ? WHERE seq = ?", nodeId, until, seq);
      }
      return seqs.stream()
          .map(seq -> sql.one("SELECT body FROM outbox WHERE seq = ?", rs -> rs.getString(1), seq).orElseThrow())
          .map(body -> json.read(body, OutgoingMail.class))
          .toList();
    });
  }

  @Override
  public void delivered(long seq) {
    autoCommit(sql -> sql.update("UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = NULL,"
        + " claimed_by = NULL, claim_until = NULL WHERE seq = ? AND state = ?",
        DeliveryState.DELIVERED.name(), seq, DeliveryState.PENDING.name()));
  }

  @Override
  public void failed(long seq, String reason, boolean permanent) {
    if (permanent) {
      autoCommit(sql -> sql.update("UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?,"
          + " claimed_by = NULL, claim_until = NULL WHERE seq = ? AND state = ?",
          DeliveryState.FAILED.name(), reason, seq, DeliveryState.PENDING.name()));
    } else {
      // the claim stays: this node retries after its own backoff while it keeps polling
      autoCommit(sql -> sql.update("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ? AND state = ?",
          reason, seq, DeliveryState.PENDING.name()));
    }
  }

  /** Numbers messages a node committed but died before numbering (see {@link OutboxNumbering}). */
  private void numberLeftovers() {
    try (Connection c = dataSource.getConnection()) {
      if (OutboxNumbering.pending(new Sql(c))) {
        OutboxNumbering.number(c, json);
      }
    } catch (SQLException e) {
      throw Sql.failure("OUTBOX NUMBERING", e);
    }
  }

  private <T> T autoCommit(Function<Sql, T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(new Sql(c));
    } catch (SQLException e) {
      throw Sql.failure("CONNECT", e);
    }
  }

  private <T> T inTransaction(Function<Sql, T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(new Sql(c));
        c.commit();
        return result;
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw Sql.failure("CLAIM", e);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing was written on it
      }
    }
  }

  @Override
  public void close() {
    dataSource.close();
    try {
      folderLock.close();
    } catch (Exception e) {
      // the lock goes with the process anyway
    }
  }

  /** Committed state, one pooled connection per call. */
  private final class Committed extends JdbcReads {
    Committed() {
      super(JdbcStore.this.json);
    }

    @Override
    <T> T with(Function<Sql, T> read) {
      return autoCommit(read);
    }
  }
}
