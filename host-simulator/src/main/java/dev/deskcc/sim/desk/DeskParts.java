package dev.deskcc.sim.desk;

/**
 * What the desk's feature classes share, built once by {@link Desk}: the change lifecycle, access
 * rules, the common change steps, rendering, fields, help-center access and notifications.
 */
record DeskParts(
    Lifecycle lifecycle,
    Access access,
    TicketChanges changes,
    Views views,
    FieldCatalog fields,
    HelpCenter helpCenter,
    Notifier notifier) {}
