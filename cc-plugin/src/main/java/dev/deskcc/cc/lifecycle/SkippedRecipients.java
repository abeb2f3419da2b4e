package dev.deskcc.cc.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.PluginContext;

/**
 * The {@code CC_SKIPPED} history of one inbound message: one event per address that did not join,
 * {@code {"email", "code"}}, at most {@value #MAX_EVENTS} of them whatever their codes, then one
 * event {@code {"more": n}} counting the rest. A message may name hundreds of addresses; the
 * history must stay readable and must not grow with what a sender chooses to put in a header.
 *
 * <p>Lives for one plugin call (it holds the call's context).
 */
final class SkippedRecipients {

  /** History event type for a recipient that did not join. */
  static final String CC_SKIPPED = "CC_SKIPPED";

  /** The {@code CC_SKIPPED} events recorded per message before the rest are only counted. */
  static final int MAX_EVENTS = 50;

  private final String ticketId;
  private final PluginContext context;
  private int recorded;
  private int notRecorded;

  SkippedRecipients(String ticketId, PluginContext context) {
    this.ticketId = ticketId;
    this.context = context;
  }

  /** One address skipped with its code. */
  void skip(String email, String code) {
    if (recorded >= MAX_EVENTS) {
      notRecorded++;
      return;
    }
    ObjectNode detail = JsonNodeFactory.instance.objectNode();
    detail.put("email", email);
    detail.put("code", code);
    context.history().record(ticketId, CC_SKIPPED, detail);
    recorded++;
  }

  /** Records the count of skipped addresses beyond the cap, if there were any. */
  void finish() {
    if (notRecorded > 0) {
      ObjectNode detail = JsonNodeFactory.instance.objectNode();
      detail.put("more", notRecorded);
      context.history().record(ticketId, CC_SKIPPED, detail);
      notRecorded = 0;
    }
  }
}
