package dev.deskcc.cc.address;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One address item of an agent or help-center request.
 *
 * @param requesterIgnored the requester may appear here and is then left out silently (the To of
 *     a reply, which normally names the requester); elsewhere the requester is refused
 */
public record RequestItem(JsonNode item, boolean requesterIgnored) {
  public RequestItem {
    Objects.requireNonNull(item, "item");
  }

  /** Items where the requester is refused like any other rule break. */
  public static List<RequestItem> strict(List<JsonNode> items) {
    return items.stream().map(i -> new RequestItem(i, false)).toList();
  }

  /** Items where the requester is left out silently. */
  public static List<RequestItem> requesterIgnored(List<JsonNode> items) {
    return items.stream().map(i -> new RequestItem(i, true)).toList();
  }
}
