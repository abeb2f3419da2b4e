package dev.deskcc.api.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.notify.Outbox;
import dev.deskcc.api.notify.Suppressions;
import java.time.Clock;

/**
 * Everything the host offers a plugin during one callback. Created by the host per call and
 * valid only during it: a plugin must not keep it, nor use it from another thread after the
 * callback returns.
 *
 * <p>In a check phase (and while contributing recipients) the context is {@link #writable()}:
 * contacts created, plugin data written and history recorded become part of the change and are
 * committed atomically with it, or discarded if any plugin refuses. Elsewhere write methods throw
 * {@link IllegalStateException}.
 *
 * @since 1.0
 */
public interface PluginContext {

  /**
   * The id of the plugin being called.
   *
   * @since 1.0
   */
  String pluginId();

  /**
   * Contacts: find by id or address; create in a writable context.
   *
   * @since 1.0
   */
  Contacts contacts();

  /**
   * The organisation, its departments, agents and the desk's own addresses.
   *
   * @since 1.0
   */
  Directory directory();

  /**
   * Read access to tickets.
   *
   * @since 1.0
   */
  Tickets tickets();

  /**
   * This plugin's own versioned data, per ticket and per department.
   *
   * @since 1.0
   */
  PluginDataStore data();

  /**
   * The ticket history (audit log); recording needs a writable context.
   *
   * @since 1.0
   */
  History history();

  /**
   * This plugin's settings for a department: the stored values over the declared defaults. Never
   * {@code null}; a copy the plugin may not use to change anything.
   *
   * @since 1.0
   */
  ObjectNode settings(String departmentId);

  /**
   * The host's clock; use it, not the system clock, so simulations can control time.
   *
   * @since 1.0
   */
  Clock clock();

  /**
   * Whether this context accepts writes (check phase and recipient contribution).
   *
   * @since 1.0
   */
  boolean writable();

  /**
   * Who gets no mail about a ticket, and why (contract §6): read-only, never {@code null}, as
   * committed plus the calling change's own writes. A plugin deciding recipients need not screen
   * them itself (the host leaves suppressed people out of every message and records why); it reads
   * this to show or explain it. The default, for a context of a host without suppressions, reports
   * nobody.
   *
   * @since 1.3
   */
  default Suppressions suppressions() {
    return Suppressions.NONE;
  }

  /**
   * This plugin's store for the change being made, shared by its callbacks of that change (see
   * {@link ChangeStore} for its life span). Outside a change, the store of the answer being built
   * (a ticket GET), empty at first. Never {@code null}.
   *
   * @since 1.3
   */
  ChangeStore changeStore();

  /**
   * Sends this plugin's own messages about a ticket through the host's outbox, with the change
   * (contract §6): see {@link Outbox} for what the host does with them.
   * Never {@code null}; its {@code send} throws {@link IllegalStateException} unless this context
   * is {@link #writable()}. The default, for a context of a host without plugin mail, refuses every
   * send.
   *
   * @since 1.3
   */
  default Outbox outbox() {
    return Outbox.NONE;
  }
}
