package dev.deskcc.cc.store;

import dev.deskcc.api.host.PluginContext;

/** Reads and writes the plugin's per-ticket data through the host's plugin data store. */
public final class CcStore {

  private CcStore() {}

  /**
   * The ticket's CC data; {@link TicketCcData#EMPTY} for a ticket that never had any. Decoded once
   * per change: the first read of a change (usually the check) leaves it in the change's store,
   * where the recipients, the field and the reactions of the same change find it. Outside a change
   * (a ticket GET) the first read of the answer decodes it, and the answer's later callbacks
   * (access, field, participants) find it.
   */
  public static TicketCcData read(String ticketId, PluginContext context) {
    return context.changeStore().getOrCompute(key(ticketId), k -> decode(ticketId, context), TicketCcData.class);
  }

  private static TicketCcData decode(String ticketId, PluginContext context) {
    return context.data().ticket(ticketId)
        .map(data -> CcDataCodec.read(data, context.contacts()))
        .orElse(TicketCcData.EMPTY);
  }

  /**
   * Writes the data, unless it is the very data that was read (nothing changed); the change's
   * later callbacks read what was written.
   */
  public static void write(String ticketId, TicketCcData before, TicketCcData after, PluginContext context) {
    if (after != before) {
      context.data().putTicket(ticketId, CcDataCodec.SCHEMA_VERSION, CcDataCodec.write(after));
      context.changeStore().put(key(ticketId), after);
    }
  }

  private static String key(String ticketId) {
    return "cc-data/" + ticketId;
  }
}
