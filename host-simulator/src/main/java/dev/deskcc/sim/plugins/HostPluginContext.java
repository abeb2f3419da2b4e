package dev.deskcc.sim.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.ChangeStore;
import dev.deskcc.api.host.Contacts;
import dev.deskcc.api.host.DeskAddress;
import dev.deskcc.api.host.Directory;
import dev.deskcc.api.host.History;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.host.PluginDataStore;
import dev.deskcc.api.host.Tickets;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Org;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.store.DataScope;
import dev.deskcc.sim.store.HistoryEvent;
import dev.deskcc.sim.recipient.Suppressions;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The host services for one plugin callback, bound to the change's transaction (writable) or to a
 * reader (read-only). Invalidated when the callback is over, so a plugin that keeps it, or a
 * call that outlived its time-out, cannot touch the data any more.
 */
public final class HostPluginContext implements PluginContext {

  private final String pluginId;
  private final StoreReader reader;
  private final StoreTx tx;
  private final Actor actor;
  private final Clock clock;
  private final SettingsSource settingsSource;
  private final ChangeStore changeStore;
  private final dev.deskcc.api.notify.Outbox outbox;
  private volatile boolean valid = true;

  private HostPluginContext(String pluginId, StoreReader reader, StoreTx tx, Actor actor, Clock clock,
      SettingsSource settingsSource, ChangeStore changeStore, dev.deskcc.api.notify.Outbox outbox) {
    this.changeStore = changeStore;
    this.outbox = outbox;
    this.pluginId = pluginId;
    this.reader = reader;
    this.tx = tx;
    this.actor = actor;
    this.clock = clock;
    this.settingsSource = settingsSource;
  }

  /** A context whose writes go into {@code tx}. */
  public static HostPluginContext writable(String pluginId, StoreTx tx, Actor actor, Clock clock, SettingsSource s) {
    return writable(pluginId, tx, actor, clock, s, ChangeStores.outsideAChange());
  }

  /** A context whose writes go into {@code tx}, with the plugin's store of the change. */
  public static HostPluginContext writable(String pluginId, StoreTx tx, Actor actor, Clock clock, SettingsSource s,
      ChangeStore changeStore) {
    return new HostPluginContext(pluginId, tx, tx, actor, clock, s, changeStore, dev.deskcc.api.notify.Outbox.NONE);
  }

  /**
   * A context whose writes go into {@code tx}, with the plugin's store of the change, and whose
   * plugin mail goes to {@code outbox}.
   */
  public static HostPluginContext writable(String pluginId, StoreTx tx, Actor actor, Clock clock, SettingsSource s,
      ChangeStore changeStore, dev.deskcc.api.notify.Outbox outbox) {
    return new HostPluginContext(pluginId, tx, tx, actor, clock, s, changeStore,
        java.util.Objects.requireNonNull(outbox, "outbox"));
  }

  /** A context that only reads. */
  public static HostPluginContext readOnly(String pluginId, StoreReader reader, Clock clock, SettingsSource s) {
    return readOnly(pluginId, reader, clock, s, ChangeStores.outsideAChange());
  }

  /** A context that only reads, with the plugin's store of the change (or of this call alone). */
  public static HostPluginContext readOnly(String pluginId, StoreReader reader, Clock clock, SettingsSource s,
      ChangeStore changeStore) {
    return new HostPluginContext(pluginId, reader, null, Actor.system(), clock, s, changeStore,
        dev.deskcc.api.notify.Outbox.NONE);
  }

  /** Ends the callback: every later use throws. */
  public void invalidate() {
    valid = false;
  }

  private StoreReader r() {
    if (!valid) {
      throw new IllegalStateException("plugin context used after its callback returned");
    }
    return reader;
  }

  private StoreTx w(String what) {
    r();
    if (tx == null) {
      throw new IllegalStateException(what + " needs a writable context (check phase or recipients)");
    }
    return tx;
  }

  @Override
  public String pluginId() {
    return pluginId;
  }

  @Override
  public boolean writable() {
    return tx != null;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public ChangeStore changeStore() {
    r();
    return changeStore;
  }

  @Override
  public ObjectNode settings(String departmentId) {
    return settingsSource.settings(r(), departmentId, pluginId);
  }

  @Override
  public Contacts contacts() {
    return new Contacts() {
      @Override
      public Optional<Contact> byId(String contactId) {
        return r().contact(contactId);
      }

      @Override
      public Optional<Contact> byAddress(EmailAddress address) {
        return r().contactByAddress(address);
      }

      @Override
      public Contact findOrCreate(EmailAddress address) {
        StoreTx t = w("creating a contact");
        // insert-or-get: a concurrent change creating the same address yields one contact
        return t.contactByAddress(address).orElseGet(() ->
            t.contactFor(new Contact(t.newId("c"), address, address.displayName(), ContactStatus.ACTIVE, false)));
      }
    };
  }

  @Override
  public Directory directory() {
    return new Directory() {
      @Override
      public Org org() {
        return r().org().orElseThrow();
      }

      @Override
      public List<Department> departments() {
        return r().departments();
      }

      @Override
      public Optional<Department> department(String departmentId) {
        return r().department(departmentId);
      }

      @Override
      public Optional<Agent> agent(String agentId) {
        return r().agent(agentId);
      }

      @Override
      public Optional<Agent> agentByAddress(EmailAddress address) {
        return r().agentByAddress(address);
      }

      @Override
      public Optional<DeskAddress> deskAddress(EmailAddress address) {
        return r().deskAddress(address);
      }
    };
  }

  @Override
  public Tickets tickets() {
    return ticketId -> r().ticket(ticketId);
  }

  @Override
  public PluginDataStore data() {
    return new PluginDataStore() {
      @Override
      public Optional<PluginData> ticket(String ticketId) {
        return r().pluginData(pluginId, DataScope.TICKET, ticketId);
      }

      @Override
      public PluginData putTicket(String ticketId, int schemaVersion, JsonNode value) {
        return w("writing plugin data").putPluginData(pluginId, DataScope.TICKET, ticketId, schemaVersion, value);
      }

      @Override
      public Optional<PluginData> department(String departmentId) {
        return r().pluginData(pluginId, DataScope.DEPARTMENT, departmentId);
      }

      @Override
      public PluginData putDepartment(String departmentId, int schemaVersion, JsonNode value) {
        return w("writing plugin data")
            .putPluginData(pluginId, DataScope.DEPARTMENT, departmentId, schemaVersion, value);
      }
    };
  }

  @Override
  public History history() {
    return (ticketId, type, detail) -> {
      StoreTx t = w("recording history");
      Ticket ticket = t.ticket(ticketId)
          .orElseThrow(() -> new IllegalArgumentException("no ticket " + ticketId));
      t.addHistory(ticket.id(), new HistoryEvent(clock.instant(), actor, type, detail));
    };
  }


  @Override
  public dev.deskcc.api.notify.Suppressions suppressions() {
    return (ticketId, address) -> {
      java.util.Objects.requireNonNull(ticketId, "ticketId");
      java.util.Objects.requireNonNull(address, "address");
      List<Suppressions.Suppressed> found = Suppressions.all(r(), ticketId, address);
      if (found.isEmpty()) { // the common case, asked for every person an answer or a message shows
        return List.of();
      }
      return found.stream().map(s -> new dev.deskcc.api.notify.Suppression(address,
          dev.deskcc.api.notify.SuppressionReason.valueOf(s.reason().name()), s.at())).toList();
    };
  }

  @Override
  public dev.deskcc.api.notify.Outbox outbox() {
    return message -> {
      w("sending plugin mail");
      return outbox.send(message);
    };
  }
}
