package dev.deskcc.cc.added;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.MailReceived;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.cc.settings.CcMailSettings;

/**
 * Who added a CC, as the notice names them: by name only, never by address (with private CCs no
 * copy may show another CC's address), and a customer other than the requester not even by name
 * where CCs are private.
 *
 * @param name the name shown, for example {@code Alice}
 * @param role {@code "agent"} for an agent, else {@code null}
 * @param byMail the support address the email that added the CC was sent to; {@code null} unless
 *     an email added them
 */
record Adder(String name, String role, String byMail) {

  static Adder of(TicketEvent event, Ticket ticket, CcMailSettings settings, PluginContext context) {
    Actor actor = event.actor();
    String byMail = event instanceof MailReceived ? supportAddress(ticket, context) : null;
    return switch (actor.type()) {
      case AGENT -> new Adder(context.directory().agent(actor.id()).map(a -> nameOr(a.name(), a.email()))
          .orElse("An agent"), "agent", byMail);
      case CONTACT -> {
        boolean hidden = settings.isPrivate() && !actor.id().equals(ticket.requesterId());
        String name = hidden ? null : context.contacts().byId(actor.id()).map(Adder::nameOf).orElse(null);
        yield new Adder(name == null ? "Someone on this ticket" : name, null, byMail);
      }
      case SYSTEM -> new Adder("The help desk", null, byMail);
    };
  }

  private static String nameOf(Contact c) {
    return c.name() != null && !c.name().isBlank() ? c.name() : null;
  }

  private static String nameOr(String name, EmailAddress address) {
    return name != null && !name.isBlank() ? name : address.address();
  }

  private static String supportAddress(Ticket ticket, PluginContext context) {
    return context.directory().department(ticket.departmentId()).map(Department::supportAddresses)
        .filter(l -> !l.isEmpty()).map(l -> l.get(0).address()).orElse(null);
  }

  /** {@code Alice (agent)} or {@code Emma}. */
  String shown() {
    return role == null ? name : name + " (" + role + ")";
  }
}
