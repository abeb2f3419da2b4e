package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.internal.change.Lifecycle;
import dev.deskcc.sim.desk.internal.change.Notifier;
import dev.deskcc.sim.desk.internal.change.TicketChanges;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.desk.internal.extension.FieldCatalog;
import dev.deskcc.sim.desk.internal.extension.HelpCenter;

/**
 * What the desk's feature classes share, built once by {@link Desk}: the change lifecycle, access
 * rules, the common change steps, rendering, fields, help-center access and notifications.
 */
public record DeskParts(
    Lifecycle lifecycle,
    Access access,
    TicketChanges changes,
    Views views,
    FieldCatalog fields,
    HelpCenter helpCenter,
    Notifier notifier) {}
