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

  /** Writes the data, unless it is the very data that was read (nothing changed). */
  public static void write(String ticketId, TicketCcData before, TicketCcData after, PluginContext context) {
    if (after != before) {
      context.data().putTicket(ticketId, CcDataCodec.SCHEMA_VERSION, CcDataCodec.write(after));
    }
  }
}
