package dev.deskcc.dist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP answer as a test sees it: the status, the body parsed as JSON (a {@link MissingNode}
 * when the body is empty or not JSON) and the raw body for failure messages.
 */
record Answer(int status, JsonNode json, String contentType, String raw) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The problem's stable {@code code}, or null when the answer is not a problem. */
    String code() {
        JsonNode code = json.path("code");
        return code.isTextual() ? code.asText() : null;
    }

    /** The problem's per-item rows, as the {@code errors} array gave them. */
    List<ErrorRow> errors() {
        List<ErrorRow> rows = new ArrayList<>();
        for (JsonNode row : json.path("errors")) {
            rows.add(new ErrorRow(row.path("value").isTextual() ? row.path("value").asText() : row.path("value").toString(),
                    row.path("code").asText(null)));
        }
        return rows;
    }

    List<String> errorCodes() {
        return errors().stream().map(ErrorRow::code).toList();
    }

    @Override
    public String toString() {
        String body = raw.length() > 600 ? raw.substring(0, 600) + "…" : raw;
        return status + " " + body;
    }

    /** One row of a problem's {@code errors}: the item as the request gave it and its code. */
    record ErrorRow(String value, String code) {}
}
