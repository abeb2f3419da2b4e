package dev.deskcc.cc.address;

/** The documented cap on CCs per ticket. */
public final class CcLimit {

  /** At most this many CCs per ticket. */
  public static final int MAX_PER_TICKET = 20;

  private CcLimit() {}
}
