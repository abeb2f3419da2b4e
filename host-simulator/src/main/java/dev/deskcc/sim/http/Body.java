package dev.deskcc.sim.http;

/**
 * What a request or an answer carries: a media type and its shape, either a Java type (a record,
 * described by {@link RecordSchemas}) or a JSON Schema written out where no record has the wire
 * shape. {@link #NONE} is no body (a 204).
 */
public record Body(String mediaType, Class<?> type, String schema) {
  /** No body. */
  public static final Body NONE = new Body(null, null, null);

  /** JSON whose shape is the record (or JSON node) type. */
  public static Body json(Class<?> type) {
    return new Body("application/json", type, null);
  }

  /** JSON whose shape is the JSON Schema text given. */
  public static Body jsonSchema(String schema) {
    return new Body("application/json", null, schema);
  }

  /** Raw bytes of the media type (for example {@code message/rfc822}). */
  public static Body raw(String mediaType) {
    return new Body(mediaType, null, null);
  }

  public boolean isNone() {
    return mediaType == null;
  }
}
