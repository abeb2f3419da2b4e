package dev.deskcc.sim.http;

/**
 * The JSON Schema of a fixture ({@code POST /sim/fixtures}). Written out because the fixture's wire
 * shape (keys, address strings, thread steps) is not the shape of the parsed fixture records.
 */
final class FixtureSchema {
  private FixtureSchema() {}

  static final String JSON = """
      {"type": "object", "required": ["org"],
       "properties": {
        "org": {"type": "object", "required": ["name"], "properties": {
          "name": {"type": "string"},
          "edition": {"enum": ["STANDARD", "PROFESSIONAL", "ENTERPRISE"]}}},
        "departments": {"type": "array", "items": {"type": "object", "required": ["key", "name"], "properties": {
          "key": {"type": "string"}, "name": {"type": "string"}, "helpCenter": {"type": "boolean"},
          "supportAddresses": {"type": "array", "items": {"type": "string"}},
          "fromAddresses": {"type": "array", "items": {"type": "string"}},
          "ratingMode": {"enum": ["OFF", "EVERY_REPLY", "ON_CLOSE"]},
          "pluginSettings": {"type": "object", "additionalProperties": {"type": "object"},
            "description": "settings by plugin id, applied as an admin's settings PUT"}}}},
        "agents": {"type": "array", "items": {"type": "object", "required": ["key", "name", "email"], "properties": {
          "key": {"type": "string"}, "name": {"type": "string"}, "email": {"type": "string"},
          "admin": {"type": "boolean"}, "departments": {"type": "array", "items": {"type": "string"}},
          "token": {"type": "string"}}}},
        "contacts": {"type": "array", "items": {"type": "object", "required": ["key"], "properties": {
          "key": {"type": "string"}, "name": {"type": "string"}, "email": {"type": "string"},
          "status": {"enum": ["ACTIVE", "SPAM", "DELETED"]}, "anonymous": {"type": "boolean"},
          "token": {"type": "string"}}}},
        "tickets": {"type": "array", "items": {"type": "object", "required": ["key", "department", "subject", "by"],
          "properties": {
          "key": {"type": "string"}, "department": {"type": "string"}, "subject": {"type": "string"},
          "description": {"type": "string"},
          "requester": {"description": "a contact key, or {\\"email\\", \\"name\\"}"},
          "by": {"type": "string", "description": "an agent key (agent create) or a contact key (help-center submit)"},
          "fields": {"type": "object"},
          "thread": {"type": "array", "items": {"type": "object",
            "description": "{\\"by\\", \\"reply\\", \\"to\\", \\"cc\\"}, {\\"by\\", \\"comment\\", \\"public\\"} or {\\"inbound\\": raw message}"}}}}}
       }}""";
}
