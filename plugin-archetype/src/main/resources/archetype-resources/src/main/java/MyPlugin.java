package ${package};

import org.pf4j.Plugin;

/**
 * The plugin's entry class ({@code Plugin-Class} in the jar manifest). The work is in the
 * extensions; state that outlives a call lives in the host's plugin data, never in fields.
 */
public final class MyPlugin extends Plugin {}
