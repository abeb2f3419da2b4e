package dev.deskcc.sim.desk;

/** New content for a comment. */
public record CommentEditRequest(String content) {}
