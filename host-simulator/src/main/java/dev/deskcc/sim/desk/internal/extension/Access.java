package dev.deskcc.sim.desk.internal.extension;

import dev.deskcc.api.access.AccessGrant;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CallerRole;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.internal.change.Lifecycle;
import dev.deskcc.sim.store.StoreReader;
import java.util.Optional;

/**
 * Who a caller is and what they may see: tokens, roles, and the ticket-visibility rule (agents:
 * their departments; contacts: what the help center grants, else 404 so existence is not revealed).
 */
public final class Access {
  /** A ticket the caller may see, and how (a contact's grant; none for agents). */
  public record Seen(Ticket ticket, Optional<AccessGrant> grant) {
    public String role() {
      return grant.map(AccessGrant::role).orElse(null);
    }
  }

  private final Lifecycle lifecycle;
  private final HelpCenter helpCenter;

  public Access(Lifecycle lifecycle, HelpCenter helpCenter) {
    this.lifecycle = lifecycle;
    this.helpCenter = helpCenter;
  }

  /** The caller a bearer token stands for; empty for an unknown token or an inactive contact. */
  public Optional<Caller> authenticate(String token) {
    StoreReader r = lifecycle.reader();
    return r.tokenOwner(token).flatMap(owner -> {
      if (owner.type() == ActorType.AGENT) {
        return r.agent(owner.id()).map(a -> new Caller(a.admin() ? CallerRole.ADMIN : CallerRole.AGENT, a.id()));
      }
      return r.contact(owner.id()).filter(c -> c.status() == ContactStatus.ACTIVE)
          .map(c -> new Caller(CallerRole.CONTACT, c.id()));
    });
  }

  public Seen see(StoreReader r, Caller caller, String ticketId) {
    Ticket t = r.ticket(ticketId).orElseThrow(() -> DeskException.notFound("no ticket " + ticketId));
    if (caller.isContact()) {
      Optional<AccessGrant> grant = helpCenter.access(r, t, me(r, caller));
      if (grant.isEmpty()) {
        throw DeskException.notFound("no ticket " + ticketId);
      }
      return new Seen(t, grant);
    }
    if (!mayWork(agent(r, caller), t.departmentId())) {
      throw DeskException.notFound("no ticket " + ticketId);
    }
    return new Seen(t, Optional.empty());
  }

  /** Whether an agent works in the department (admins work in all). */
  public static boolean mayWork(Agent agent, String departmentId) {
    return agent.admin() || agent.departmentIds().contains(departmentId);
  }

  /** Agent-only on a ticket: a contact gets 404 for a ticket they may not see, else 403. */
  public void requireAgentOrHide(Caller caller, String ticketId) {
    if (caller.isContact()) {
      see(lifecycle.reader(), caller, ticketId);
      throw DeskException.forbidden("agents only");
    }
  }

  public static void requireAgent(Caller caller) {
    if (!caller.isAgent()) {
      throw DeskException.forbidden("agents only");
    }
  }

  public static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw DeskException.forbidden("admins only");
    }
  }

  public static Department department(StoreReader r, String id) {
    return r.department(id).orElseThrow(() -> DeskException.notFound("no department " + id));
  }

  /**
   * The department, for reading its configuration (settings, layout, plugin descriptions): an
   * agent reads only departments they work in (admins all), and any other is 404 exactly as an
   * unknown one, as the department list hides it (contract v1.1).
   */
  public static Department workedDepartment(StoreReader r, Caller caller, String id) {
    Department d = department(r, id);
    if (!mayWork(agent(r, caller), d.id())) {
      throw DeskException.notFound("no department " + id);
    }
    return d;
  }

  public static Contact me(StoreReader r, Caller caller) {
    return r.contact(caller.id()).orElseThrow(() -> new DeskException(ProblemCode.UNAUTHENTICATED, "unknown contact"));
  }

  public static Agent agent(StoreReader r, Caller caller) {
    return r.agent(caller.id()).orElseThrow(() -> new DeskException(ProblemCode.UNAUTHENTICATED, "unknown agent"));
  }
}
