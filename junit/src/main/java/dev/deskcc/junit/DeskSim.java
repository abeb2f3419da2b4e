package dev.deskcc.junit;

import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.OutboxMessageView;
import dev.deskcc.sim.plugins.PluginCall;
import java.nio.file.Path;
import java.util.List;

/**
 * One test's running simulator, with its plugin loaded and its fixture in place: act as an agent
 * or contact, read what the host sent and which plugin calls it made. Calls go through the same
 * in-process {@link Desk} the HTTP API uses, so a refusal is the contract's {@code
 * DeskException} with its stable {@code code()}; {@link #baseUrl()} serves the HTTP contract too.
 *
 * @since 1.2
 */
public final class DeskSim {
  private final Simulator simulator;
  private final Path pluginJar;
  private final Path pluginsFolder;

  DeskSim(Simulator simulator, Path pluginJar, Path pluginsFolder) {
    this.simulator = simulator;
    this.pluginJar = pluginJar;
    this.pluginsFolder = pluginsFolder;
  }

  /** The running simulator (closed by the extension after the test). */
  public Simulator simulator() {
    return simulator;
  }

  /** {@code http://127.0.0.1:<port>}: the HTTP contract, for tests that drive it over HTTP. */
  public String baseUrl() {
    return simulator.baseUrl();
  }

  /** The plugin jar under test, as found. */
  public Path pluginJar() {
    return pluginJar;
  }

  Path pluginsFolder() {
    return pluginsFolder;
  }

  /**
   * The id the fixture's object with this key got (a department, agent, contact or ticket).
   *
   * @throws IllegalArgumentException when the fixture has no such key
   */
  public String id(String key) {
    String id = simulator.fixtureIds().ids().get(key);
    if (id == null) {
      throw new IllegalArgumentException("the fixture has no object with key " + key);
    }
    return id;
  }

  /**
   * Acts as the agent (or admin) whose fixture token this is.
   *
   * @throws IllegalArgumentException when the token is unknown or a contact's
   */
  public AgentActions agent(String token) {
    Caller caller = caller(token);
    if (!caller.isAgent()) {
      throw new IllegalArgumentException(token + " is a contact's token; use contact(token)");
    }
    return new AgentActions(this, caller);
  }

  /**
   * Acts as the help-center contact whose fixture token this is.
   *
   * @throws IllegalArgumentException when the token is unknown or an agent's
   */
  public ContactActions contact(String token) {
    Caller caller = caller(token);
    if (!caller.isContact()) {
      throw new IllegalArgumentException(token + " is an agent's token; use agent(token)");
    }
    return new ContactActions(this, caller);
  }

  /** Everything the host sent since the fixture was loaded, in {@code seq} order. */
  public List<OutboxMessageView> outbox() {
    return desk().outbox(null, null).messages();
  }

  /** What the host sent about one ticket, in {@code seq} order. */
  public List<OutboxMessageView> outbox(String ticketId) {
    return desk().outbox(ticketId, null).messages();
  }

  /** The recent plugin calls (extension point, phase, outcome), oldest first. */
  public List<PluginCall> pluginTrace() {
    return desk().pluginTrace();
  }

  /**
   * The plugin with this id as the host found it (its state: {@code STARTED}, {@code DISABLED} …).
   *
   * @throws IllegalArgumentException when the host found no such plugin
   */
  public PluginStatus plugin(String pluginId) {
    return simulator.plugins().stream().filter(p -> p.id().equals(pluginId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "no plugin " + pluginId + " was found; the host found " + simulator.plugins()));
  }

  Desk desk() {
    return simulator.desk();
  }

  private Caller caller(String token) {
    return desk().authenticate(token)
        .orElseThrow(() -> new IllegalArgumentException("no one in the fixture has the token " + token));
  }
}
