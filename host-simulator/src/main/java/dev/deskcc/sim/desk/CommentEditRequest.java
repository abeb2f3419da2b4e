package dev.deskcc.sim.desk;

import jakarta.annotation.Nonnull;

/** New content for a comment. */
public record CommentEditRequest(@Nonnull String content) {}
