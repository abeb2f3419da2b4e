package dev.deskcc.sim.store;

/** A write would give two contacts (or two agents) the same normalised address. */
public final class UniqueAddressException extends IllegalStateException {
  private final String address;

  public UniqueAddressException(String address) {
    super("address already in use: " + address);
    this.address = address;
  }

  public String address() {
    return address;
  }
}
