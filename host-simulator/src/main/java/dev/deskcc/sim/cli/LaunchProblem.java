package dev.deskcc.sim.cli;

/**
 * Why the launcher refuses to start. Each code is part of the launcher's interface: scripts may
 * match on it, so names are stable.
 */
enum LaunchProblem {
  /** An option or value the launcher does not understand. */
  BAD_OPTION(2),
  /** An option that is documented but not implemented yet. */
  OPTION_NOT_SUPPORTED(2),
  /** The plugins folder does not exist or is not a folder. */
  PLUGINS_FOLDER_MISSING(2),
  /** The fixture file does not exist or is not a regular file. */
  FIXTURE_MISSING(2),
  /** The fixture could not be loaded: bad JSON or a bad field. */
  FIXTURE_INVALID(2),
  /** The --data-dir folder cannot be made or written, or another simulator is using it. */
  DATA_DIR_UNUSABLE(2),
  /** The --database URL is not a PostgreSQL URL, or the database cannot be reached or migrated. */
  DATABASE_UNUSABLE(2),
  /** Another process holds the port. */
  PORT_IN_USE(2),
  /** Anything else that stopped the simulator from starting. */
  START_FAILED(1);

  private final int exitCode;

  LaunchProblem(int exitCode) {
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
