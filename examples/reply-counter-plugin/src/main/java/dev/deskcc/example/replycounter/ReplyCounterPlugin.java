package dev.deskcc.example.replycounter;

import org.pf4j.Plugin;

/**
 * The plugin's entry class ({@code Plugin-Class} in the jar manifest). It has nothing to do on
 * start or stop: the work is in the extensions, and their state lives in the host's plugin data.
 */
public final class ReplyCounterPlugin extends Plugin {}
