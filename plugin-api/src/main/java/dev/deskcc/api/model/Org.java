package dev.deskcc.api.model;

import java.util.Objects;

/** The organisation that runs the desk. */
public record Org(String name, Edition edition) {
  public Org {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(edition, "edition");
  }
}
