package dev.deskcc.sim.desk.internal.change;

import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Actor;
import dev.deskcc.sim.plugins.SettingsMemo;
import dev.deskcc.sim.store.StoreTx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One change in the making: its transaction, who makes it, when, and the lifecycle events it has
 * passed through the check phase (their reactions run after commit), and the plugin settings it
 * has resolved.
 */
public final class Change {
  private final StoreTx tx;
  private final Actor actor;
  private final Clock clock;
  private final List<TicketEvent> events;
  private final SettingsMemo settings;

  Change(StoreTx tx, Actor actor, Clock clock, SettingsMemo settings) {
    this(tx, actor, clock, new ArrayList<>(), settings);
  }

  private Change(StoreTx tx, Actor actor, Clock clock, List<TicketEvent> events, SettingsMemo settings) {
    this.tx = tx;
    this.actor = actor;
    this.clock = clock;
    this.events = events;
    this.settings = settings;
  }

  /** The same change (transaction, events, settings) acting for another actor: a step of a batch. */
  public Change as(Actor other) {
    return new Change(tx, other, clock, events, settings);
  }

  public StoreTx tx() {
    return tx;
  }

  public Actor actor() {
    return actor;
  }

  /** Plugin settings as this change's plugin calls see them; invalidate after writing settings. */
  public SettingsMemo settings() {
    return settings;
  }

  public Instant now() {
    // millisecond precision keeps every time the desk shows in one ISO-8601 shape
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  void checked(TicketEvent event) {
    events.add(event);
  }

  /** Replaces a checked event by its final form (recipients filled in). */
  public void replace(TicketEvent old, TicketEvent updated) {
    int i = events.indexOf(old);
    if (i >= 0) {
      events.set(i, updated);
    }
  }

  List<TicketEvent> events() {
    return List.copyOf(events);
  }
}
