/**
 * Host services a plugin may call, reached through {@link dev.deskcc.api.host.PluginContext}.
 *
 * <p>Reads see the state of the change being made: inside a check phase they include what this
 * change (and earlier plugins' checks of it) wrote. Writes are allowed only where a context says
 * so ({@link dev.deskcc.api.host.PluginContext#writable()}); they belong to the change and are
 * committed with it, or discarded with it.
 */
package dev.deskcc.api.host;
