package dev.deskcc.sim.http;

/** An answer that is not JSON: bytes of a media type (a console file, a raw message). */
public record Raw(String contentType, byte[] content) {}
