package dev.deskcc.cc.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.PluginContext;
import java.util.Objects;

/**
 * The settings about the mail CCs get (contract §6), read apart from {@link CcSettings} because
 * only sending mail needs them.
 *
 * @param notifyWhenAdded whether a person who joins the CC list after creation is told so
 *     ({@code CC_ADDED})
 * @param visibility whether CCs see one another; an unreadable stored value reads as {@link
 *     CcVisibility#VISIBLE}, the default (the host refuses other values of a choice)
 */
public record CcMailSettings(boolean notifyWhenAdded, CcVisibility visibility) {

  public static final String NOTIFY_WHEN_ADDED = "notifyWhenAdded";
  public static final String CC_VISIBILITY = "ccVisibility";

  public CcMailSettings {
    Objects.requireNonNull(visibility, "visibility");
  }

  /** The department's settings (stored values over the declared defaults). */
  public static CcMailSettings of(String departmentId, PluginContext context) {
    return from(context.settings(departmentId));
  }

  /** Reads them from the settings' JSON form; members left out take their defaults. */
  public static CcMailSettings from(ObjectNode node) {
    return new CcMailSettings(node.path(NOTIFY_WHEN_ADDED).asBoolean(false),
        CcVisibility.parse(node.path(CC_VISIBILITY).asText("")).orElse(CcVisibility.VISIBLE));
  }

  /** Whether each CC gets a copy of their own and contacts see no other CC. */
  public boolean isPrivate() {
    return visibility == CcVisibility.PRIVATE;
  }
}
