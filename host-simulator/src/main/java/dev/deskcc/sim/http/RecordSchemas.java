package dev.deskcc.sim.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schemas of the request and view records, read from their record components the way the
 * one JSON mapper writes them ({@code @JsonProperty} names, {@code @JsonIgnore} left out). Each
 * record becomes a named component, referred to by {@code $ref}. A component marked {@link
 * Nullable} is one the server may send as {@code null}; every other one is never null. A request
 * component marked {@link Nonnull} is one the server refuses a request without (400), so the
 * schema lists it as required, as it does every primitive.
 */
final class RecordSchemas {
  private final ObjectMapper mapper;
  private final Map<String, ObjectNode> components = new TreeMap<>();
  private final Map<String, Class<?>> owners = new HashMap<>();

  RecordSchemas(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The schema of a Java type; a record's own schema joins {@link #components()}. */
  ObjectNode of(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        ObjectNode s = typed("array");
        s.set("items", of(args[0]));
        return s;
      }
      if (Map.class.isAssignableFrom(raw)) {
        ObjectNode s = typed("object");
        s.set("additionalProperties", of(args[1]));
        return s;
      }
      return of(raw);
    }
    if (!(type instanceof Class<?> c)) {
      return mapper.createObjectNode();
    }
    if (c == String.class) {
      return typed("string");
    }
    if (c == boolean.class || c == Boolean.class) {
      return typed("boolean");
    }
    if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
      return typed("integer");
    }
    if (c == Instant.class) {
      return typed("string").put("format", "date-time");
    }
    if (c.isEnum()) {
      ObjectNode s = typed("string");
      ArrayNode values = s.putArray("enum");
      for (Object constant : c.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      return s;
    }
    if (ObjectNode.class.isAssignableFrom(c)) {
      return typed("object");
    }
    if (c.isRecord()) {
      return mapper.createObjectNode().put("$ref", "#/components/schemas/" + component(c));
    }
    // JsonNode and anything else: any JSON value
    return mapper.createObjectNode();
  }

  /** The named schemas of every record met so far, by name. */
  ObjectNode components() {
    ObjectNode out = mapper.createObjectNode();
    components.forEach(out::set);
    return out;
  }

  private String component(Class<?> record) {
    String name = record.getSimpleName();
    Class<?> owner = owners.putIfAbsent(name, record);
    if (owner != null) {
      if (owner != record) {
        throw new IllegalStateException("two records named " + name + ": " + owner + " and " + record);
      }
      return name;
    }
    ObjectNode recordSchema = typed("object");
    ObjectNode properties = recordSchema.putObject("properties");
    ArrayNode required = mapper.createArrayNode();
    for (RecordComponent rc : record.getRecordComponents()) {
      if (rc.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
        continue;
      }
      JsonProperty renamed = rc.getAccessor().getAnnotation(JsonProperty.class);
      String property = renamed != null && !renamed.value().isEmpty() ? renamed.value() : rc.getName();
      ObjectNode schema = of(rc.getGenericType());
      properties.set(property, rc.isAnnotationPresent(Nullable.class) || rc.getAccessor().isAnnotationPresent(Nullable.class)
          ? nullable(schema) : schema);
      if (rc.getType().isPrimitive() || rc.isAnnotationPresent(Nonnull.class) || rc.getAccessor().isAnnotationPresent(Nonnull.class)) {
        required.add(property);
      }
    }
    if (!required.isEmpty()) {
      recordSchema.set("required", required);
    }
    components.put(name, recordSchema);
    return name;
  }

  /**
   * The schema that also admits {@code null}, in OpenAPI 3.1's form: {@code "type": ["string",
   * "null"]}, {@code null} among an enum's values, or {@code anyOf} a reference and null.
   */
  private ObjectNode nullable(ObjectNode schema) {
    if (schema.has("type") && schema.get("type").isTextual()) {
      ObjectNode copy = schema.deepCopy();
      copy.putArray("type").add(schema.get("type").asText()).add("null");
      if (copy.has("enum")) {
        ((ArrayNode) copy.get("enum")).addNull();
      }
      return copy;
    }
    ObjectNode any = mapper.createObjectNode();
    any.putArray("anyOf").add(schema).add(typed("null"));
    return any;
  }

  private ObjectNode typed(String type) {
    return mapper.createObjectNode().put("type", type);
  }
}
