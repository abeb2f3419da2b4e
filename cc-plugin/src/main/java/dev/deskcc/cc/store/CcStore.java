package dev.deskcc.cc.store;

import dev.deskcc.api.host.PluginContext;

/** Reads and writes the plugin's per-ticket data through the host's plugin data store. */
public final class CcStore {

  private CcStore() {}

  /**
   * The ticket's CC data; {@link TicketCcData#EMPTY} for a ticket that never had any. Its entries
   * look their contacts up through {@code context}: use them within this call only.
   */
  public static TicketCcData read(String ticketId, PluginContext context) {
    return context.data().ticket(ticketId)
        .map(data -> CcDataCodec.read(data, context.contacts()))
        .orElse(TicketCcData.EMPTY);
  }

  /** The ticket's current CCs' ids and held ones ({@link CcDataCodec#current}). */
  public static CurrentCcs current(String ticketId, PluginContext context) {
    return context.data().ticket(ticketId).map(CcDataCodec::current).orElse(CurrentCcs.NONE);
  }

  /**
   * Whether the ticket's data may hold CCs from notifications ({@link TicketCcData#held()} not
   * empty), answered without decoding the CC list.
   */
  public static boolean mayHoldCcs(String ticketId, PluginContext context) {
    return context.data().ticket(ticketId).map(CcDataCodec::mayHoldCcs).orElse(false);
  }

  /**
   * {@link TicketCcData#listChangedInVersion()} of the ticket's data ({@code 0} without data),
   * without decoding the CC list.
   */
  public static long listChangedInVersion(String ticketId, PluginContext context) {
    return context.data().ticket(ticketId).map(CcDataCodec::listChangedInVersion).orElse(0L);
  }

  /** Writes the data, unless it is the very data that was read (nothing changed). */
  public static void write(String ticketId, TicketCcData before, TicketCcData after, PluginContext context) {
    if (after != before) {
      context.data().putTicket(ticketId, CcDataCodec.SCHEMA_VERSION, CcDataCodec.write(after));
    }
  }
}
