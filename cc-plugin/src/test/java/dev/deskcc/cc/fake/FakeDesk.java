package dev.deskcc.cc.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.ChangeStore;
import dev.deskcc.api.host.Contacts;
import dev.deskcc.api.host.DeskAddress;
import dev.deskcc.api.host.DeskAddressKind;
import dev.deskcc.api.host.Directory;
import dev.deskcc.api.host.History;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.host.PluginDataStore;
import dev.deskcc.api.host.Tickets;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Channel;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.Edition;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Org;
import dev.deskcc.api.model.RatingMode;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.api.notify.Suppression;
import dev.deskcc.api.notify.SuppressionReason;
import dev.deskcc.api.notify.Suppressions;
import dev.deskcc.cc.SecondaryContactsPlugin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory desk that plays the host for unit tests: directory, contacts, tickets, plugin data,
 * settings and history, behind a {@link PluginContext}. Built with small fluent calls; every
 * look-up is a hash map, as the host promises.
 */
public final class FakeDesk {

  public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Org org = new Org("Acme", Edition.PROFESSIONAL);
  private final Map<String, Department> departments = new LinkedHashMap<>();
  private final Map<String, Agent> agents = new LinkedHashMap<>();
  private final Map<String, String> agentByKey = new HashMap<>();
  private final Map<String, DeskAddress> deskByKey = new HashMap<>();
  private final Map<String, Contact> contacts = new LinkedHashMap<>();
  private final Map<String, String> contactByKey = new HashMap<>();
  private final Map<String, Ticket> tickets = new LinkedHashMap<>();
  private final Map<String, PluginData> ticketData = new HashMap<>();
  private final Map<String, PluginData> departmentData = new HashMap<>();
  private final Map<String, ObjectNode> settings = new HashMap<>();
  private final List<HistoryEvent> history = new ArrayList<>();
  private final Map<String, Instant> mutes = new HashMap<>();
  private final Map<String, Instant> bounces = new HashMap<>();
  private Instant now = NOW;
  private int nextId = 1;

  /** One recorded history event. */
  public record HistoryEvent(String ticketId, String type, JsonNode detail) {}

  /**
   * The demo shape: department {@code hr} (help center, support onboarding@acme.test, from
   * noreply@acme.test) with CC enabled; agent alice; contacts emma (requester), vera; a spam, a
   * deleted and an anonymous contact; ticket {@code t1} of emma.
   */
  public static FakeDesk demo() {
    return new FakeDesk()
        .department("hr", true, List.of("onboarding@acme.test"), List.of("noreply@acme.test"))
        .department("it", false, List.of("it@acme.test"), List.of("it-noreply@acme.test"))
        .agent("alice", "alice@acme.test")
        .contact("emma", "emma@example.com", "Emma")
        .contact("vera", "vera@verify-agency.test", "Vera")
        .contact("junk", "junk@spam.test", null, ContactStatus.SPAM, false)
        .contact("gone", "gone@example.com", null, ContactStatus.DELETED, false)
        .contact("visitor", null, "Visitor 12", ContactStatus.ACTIVE, true)
        .contact("shadow", "shadow@example.com", "Shadow", ContactStatus.ACTIVE, true)
        .settings("hr", "{\"enabled\": true, \"endUsersCanAdd\": true, \"autoAddRecipients\": true}")
        .ticket("t1", "hr", "emma");
  }

  public FakeDesk edition(Edition edition) {
    org = new Org("Acme", edition);
    return this;
  }

  public FakeDesk department(String id, boolean helpCenter, List<String> support, List<String> from) {
    List<EmailAddress> s = support.stream().map(EmailAddress::parse).toList();
    List<EmailAddress> f = from.stream().map(EmailAddress::parse).toList();
    departments.put(id, new Department(id, id.toUpperCase(), helpCenter, s, f, RatingMode.ON_CLOSE));
    f.forEach(a -> deskByKey.putIfAbsent(a.untaggedKey(), new DeskAddress(DeskAddressKind.FROM, id)));
    s.forEach(a -> deskByKey.put(a.untaggedKey(), new DeskAddress(DeskAddressKind.SUPPORT, id)));
    return this;
  }

  public FakeDesk agent(String id, String email) {
    EmailAddress address = EmailAddress.parse(email);
    agents.put(id, new Agent(id, id, address, false, Set.copyOf(departments.keySet())));
    agentByKey.put(address.key(), id);
    return this;
  }

  public FakeDesk contact(String id, String email, String name) {
    return contact(id, email, name, ContactStatus.ACTIVE, false);
  }

  public FakeDesk contact(String id, String email, String name, ContactStatus status, boolean anonymous) {
    EmailAddress address = email == null ? null : EmailAddress.parse(email);
    contacts.put(id, new Contact(id, address, name, status, anonymous));
    if (address != null) {
      contactByKey.put(address.key(), id);
    }
    return this;
  }

  /** Replaces the department's settings (members left out take the defaults). */
  public FakeDesk settings(String departmentId, String json) {
    ObjectNode node = JSON.objectNode();
    node.put("enabled", false);
    node.put("endUsersCanAdd", false);
    node.put("autoAddRecipients", false);
    node.putArray("blockedDomains");
    try {
      node.setAll((ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    settings.put(departmentId, node);
    return this;
  }

  public FakeDesk blockedDomains(String departmentId, String... domains) {
    ObjectNode node = settingsNode(departmentId);
    ArrayNode array = node.putArray("blockedDomains");
    for (String d : domains) {
      array.add(d);
    }
    return this;
  }

  public FakeDesk set(String departmentId, String setting, boolean value) {
    settingsNode(departmentId).put(setting, value);
    return this;
  }

  public FakeDesk set(String departmentId, String setting, String value) {
    settingsNode(departmentId).put(setting, value);
    return this;
  }

  private ObjectNode settingsNode(String departmentId) {
    if (!settings.containsKey(departmentId)) {
      settings(departmentId, "{}");
    }
    return settings.get(departmentId);
  }

  public FakeDesk ticket(String id, String departmentId, String requesterId) {
    tickets.put(
        id,
        new Ticket(id, 100 + tickets.size() + 1, departmentId, "Onboarding", TicketStatus.OPEN, Channel.AGENT,
            requesterId, List.of(), 1, null, Set.of(), NOW));
    return this;
  }

  /** Bars a contact from a ticket in the help center. */
  public FakeDesk restrict(String ticketId, String contactId) {
    Ticket t = ticket(ticketId);
    Set<String> restricted = new HashSet<>(t.restrictedContactIds());
    restricted.add(contactId);
    tickets.put(ticketId, with(t, t.thread(), t.version(), restricted));
    return this;
  }

  /** The ticket as a change leaves it: the version grows by one, as the host's check sees it. */
  public Ticket changing(String ticketId) {
    Ticket t = ticket(ticketId);
    Ticket next = with(t, t.thread(), t.version() + 1, t.restrictedContactIds());
    tickets.put(ticketId, next);
    return next;
  }

  public Ticket withEntry(String ticketId, ThreadEntry entry) {
    Ticket t = ticket(ticketId);
    List<ThreadEntry> thread = new ArrayList<>(t.thread());
    thread.add(entry);
    Ticket next = with(t, thread, t.version() + 1, t.restrictedContactIds());
    tickets.put(ticketId, next);
    return next;
  }

  private static Ticket with(Ticket t, List<ThreadEntry> thread, long version, Set<String> restricted) {
    return new Ticket(t.id(), t.number(), t.departmentId(), t.subject(), t.status(), t.channel(),
        t.requesterId(), thread, version, t.mergedInto(), restricted, t.createdAt());
  }

  public Ticket ticket(String id) {
    return Optional.ofNullable(tickets.get(id)).orElseThrow(() -> new IllegalArgumentException("no ticket " + id));
  }

  public Contact contact(String id) {
    return contacts.get(id);
  }

  public Optional<Contact> contactByEmail(String email) {
    return Optional.ofNullable(contactByKey.get(EmailAddress.parse(email).key())).map(contacts::get);
  }

  public int contactCount() {
    return contacts.size();
  }

  public Optional<PluginData> ticketData(String ticketId) {
    return Optional.ofNullable(ticketData.get(ticketId));
  }

  public List<HistoryEvent> history() {
    return List.copyOf(history);
  }

  /** The person at {@code email} muted ticket {@code ticketId} (contract §6), now. */
  public FakeDesk mute(String ticketId, String email) {
    mutes.put(ticketId + " " + EmailAddress.parse(email).key(), now);
    return this;
  }

  /** Mail to {@code email} bounced (contract §6), now: it is suppressed on every ticket. */
  public FakeDesk bounce(String email) {
    bounces.put(EmailAddress.parse(email).key(), now);
    return this;
  }

  /** An agent cleared the bounce of {@code email}. */
  public FakeDesk clearBounce(String email) {
    bounces.remove(EmailAddress.parse(email).key());
    return this;
  }

  public FakeDesk at(Instant instant) {
    now = instant;
    return this;
  }

  public PluginContext context() {
    return new Context(true);
  }

  public PluginContext readOnlyContext() {
    return new Context(false);
  }

  /**
   * Runs a check the way the host does: writes land in a copy that is kept only when the check
   * accepts (a refusal rolls everything back).
   */
  public <T> T transaction(java.util.function.Function<PluginContext, T> work, java.util.function.Predicate<T> commit) {
    Map<String, Contact> contactsBefore = new LinkedHashMap<>(contacts);
    Map<String, String> keysBefore = new HashMap<>(contactByKey);
    Map<String, PluginData> dataBefore = new HashMap<>(ticketData);
    List<HistoryEvent> historyBefore = new ArrayList<>(history);
    T result = work.apply(context());
    if (!commit.test(result)) {
      contacts.clear();
      contacts.putAll(contactsBefore);
      contactByKey.clear();
      contactByKey.putAll(keysBefore);
      ticketData.clear();
      ticketData.putAll(dataBefore);
      history.clear();
      history.addAll(historyBefore);
    }
    return result;
  }

  private final class Context implements PluginContext {
    private final boolean writable;
    // each fake callback is its own change: the plugin's fall-back (decode the stored data) is what runs here
    private final ChangeStore changeStore = new FakeChangeStore();

    @Override
    public ChangeStore changeStore() {
      return changeStore;
    }

    Context(boolean writable) {
      this.writable = writable;
    }

    private void requireWritable() {
      if (!writable) {
        throw new IllegalStateException("read-only context");
      }
    }

    @Override
    public String pluginId() {
      return SecondaryContactsPlugin.ID;
    }

    @Override
    public Contacts contacts() {
      return new Contacts() {
        @Override
        public Optional<Contact> byId(String contactId) {
          return Optional.ofNullable(contacts.get(contactId));
        }

        @Override
        public Optional<Contact> byAddress(EmailAddress address) {
          return Optional.ofNullable(contactByKey.get(address.key())).map(contacts::get);
        }

        @Override
        public Contact findOrCreate(EmailAddress address) {
          requireWritable();
          return byAddress(address).orElseGet(() -> {
            String id = "c" + nextId++;
            Contact created = new Contact(id, new EmailAddress(address.address(), null), address.displayName(),
                ContactStatus.ACTIVE, false);
            contacts.put(id, created);
            contactByKey.put(address.key(), id);
            return created;
          });
        }
      };
    }

    @Override
    public Directory directory() {
      return new Directory() {
        @Override
        public Org org() {
          return org;
        }

        @Override
        public List<Department> departments() {
          return List.copyOf(departments.values());
        }

        @Override
        public Optional<Department> department(String departmentId) {
          return Optional.ofNullable(departments.get(departmentId));
        }

        @Override
        public Optional<Agent> agent(String agentId) {
          return Optional.ofNullable(agents.get(agentId));
        }

        @Override
        public Optional<Agent> agentByAddress(EmailAddress address) {
          return Optional.ofNullable(agentByKey.get(address.key())).map(agents::get);
        }

        @Override
        public Optional<DeskAddress> deskAddress(EmailAddress address) {
          return Optional.ofNullable(deskByKey.get(address.untaggedKey()));
        }
      };
    }

    @Override
    public Tickets tickets() {
      return id -> Optional.ofNullable(tickets.get(id));
    }

    @Override
    public PluginDataStore data() {
      return new PluginDataStore() {
        @Override
        public Optional<PluginData> ticket(String ticketId) {
          return Optional.ofNullable(ticketData.get(ticketId));
        }

        @Override
        public PluginData putTicket(String ticketId, int schemaVersion, JsonNode value) {
          requireWritable();
          long revision = ticketData.containsKey(ticketId) ? ticketData.get(ticketId).revision() + 1 : 1;
          PluginData data = new PluginData(schemaVersion, value.deepCopy(), revision);
          ticketData.put(ticketId, data);
          return data;
        }

        @Override
        public Optional<PluginData> department(String departmentId) {
          return Optional.ofNullable(departmentData.get(departmentId));
        }

        @Override
        public PluginData putDepartment(String departmentId, int schemaVersion, JsonNode value) {
          requireWritable();
          PluginData data = new PluginData(schemaVersion, value.deepCopy(), 1);
          departmentData.put(departmentId, data);
          return data;
        }
      };
    }

    @Override
    public History history() {
      return (ticketId, type, detail) -> {
        requireWritable();
        history.add(new HistoryEvent(ticketId, type, detail));
      };
    }

    @Override
    public ObjectNode settings(String departmentId) {
      return settingsNode(departmentId).deepCopy();
    }

    @Override
    public Clock clock() {
      return Clock.fixed(now, ZoneOffset.UTC);
    }

    @Override
    public boolean writable() {
      return writable;
    }

    /** As the host answers: a bounce first, then a mute; only contacts mute. */
    @Override
    public Suppressions suppressions() {
      return (ticketId, address) -> {
        List<Suppression> out = new ArrayList<>();
        Instant bounced = bounces.get(address.key());
        if (bounced != null) {
          out.add(new Suppression(address, SuppressionReason.BOUNCED, bounced));
        }
        Instant muted = contactByKey.containsKey(address.key()) ? mutes.get(ticketId + " " + address.key()) : null;
        if (muted != null) {
          out.add(new Suppression(address, SuppressionReason.MUTED, muted));
        }
        return out;
      };
    }
  }
}
