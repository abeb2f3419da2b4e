package dev.deskcc.sim.store.jdbc;

/**
 * The database failed or refused a store operation. The change it belonged to is not committed
 * (and so not acknowledged).
 */
public final class StoreFailure extends RuntimeException {
  private final Code code;

  /** Stable reasons. */
  public enum Code {
    /** The data folder cannot be created, written or opened (held by another process, say). */
    DATA_DIR_UNUSABLE,
    /** The database URL is not usable: unknown kind, unreachable, refused credentials. */
    DATABASE_UNUSABLE,
    /** A statement failed while the store was running. */
    STORE_FAILURE
  }

  public StoreFailure(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
