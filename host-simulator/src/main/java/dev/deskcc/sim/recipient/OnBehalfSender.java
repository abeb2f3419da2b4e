package dev.deskcc.sim.recipient;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.notify.OutboundEvent;
import dev.deskcc.sim.store.StoreReader;
import java.util.Optional;
import java.util.Set;

/**
 * The sender of a message that carries a person's words (a reply, a public comment): the
 * department's support address named {@code "<person> via <department>"}, never the person's own
 * address. Their address as {@code From} would be a forgery that fails the recipients' DMARC
 * checks, and an answer would go to them instead of into the ticket; the support address makes
 * the answer thread in. Other messages keep the department's from-address.
 */
public final class OnBehalfSender {
  private static final Set<OutboundEvent> WRITTEN = Set.of(OutboundEvent.AGENT_REPLY, OutboundEvent.PUBLIC_COMMENT,
      OutboundEvent.COMMENT_EDITED);

  private OnBehalfSender() {}

  /** The on-behalf sender, or empty for a message no person wrote or a department without support address. */
  public static Optional<EmailAddress> of(StoreReader reader, Department dept, OutboundEvent event, Actor author) {
    if (!WRITTEN.contains(event) || dept.supportAddresses().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> name = switch (author.type()) {
      case AGENT -> reader.agent(author.id()).map(Agent::name);
      case CONTACT -> reader.contact(author.id()).flatMap(c -> Optional.ofNullable(c.name())
          .or(() -> c.address().map(EmailAddress::address)));
      case SYSTEM -> Optional.empty();
    };
    return name.filter(n -> !n.isBlank())
        .map(n -> new EmailAddress(dept.supportAddresses().get(0).address(), n.strip() + " via " + dept.name()));
  }
}
