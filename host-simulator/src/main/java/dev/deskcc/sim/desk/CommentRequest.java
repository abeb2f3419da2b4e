package dev.deskcc.sim.desk;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.Nonnull;

/** A comment; {@code isPublic} is {@code null} when left out (private for agents, always public for contacts). */
public record CommentRequest(@Nonnull String content, @JsonProperty("public") Boolean isPublic) {}
