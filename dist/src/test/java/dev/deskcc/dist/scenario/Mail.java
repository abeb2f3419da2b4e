package dev.deskcc.dist.scenario;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A raw RFC 5322 message built as text with CRLF line ends, as an inbound-mail webhook would
 * deliver it. Immutable: every {@code with…} answers a new message.
 */
record Mail(Map<String, String> headers, String body, List<Attachment> attachments) {

    /** A file attached to the message. */
    record Attachment(String name, String contentType, byte[] content) {}

    static Mail from(String from) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", from);
        headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        headers.put("Message-ID", "<" + UUID.randomUUID() + "@mail.example.com>");
        headers.put("Subject", "Hello");
        return new Mail(headers, "Hello,\r\nsee below.\r\n", List.of());
    }

    Mail with(String header, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(header, value);
        return new Mail(copy, body, attachments);
    }

    Mail to(String... addresses) {
        return with("To", String.join(", ", addresses));
    }

    Mail cc(String... addresses) {
        return with("Cc", String.join(", ", addresses));
    }

    Mail subject(String subject) {
        return with("Subject", subject);
    }

    /** Threads the message under {@code messageId} (In-Reply-To and References). */
    Mail inReplyTo(String messageId) {
        return with("In-Reply-To", messageId).with("References", messageId);
    }

    Mail text(String text) {
        return new Mail(headers, text.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n", attachments);
    }

    Mail attach(String name, String contentType, byte[] content) {
        List<Attachment> copy = new ArrayList<>(attachments);
        copy.add(new Attachment(name, contentType, content));
        return new Mail(headers, body, copy);
    }

    String messageId() {
        return headers.get("Message-ID");
    }

    byte[] bytes() {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> out.append(name).append(": ").append(value).append("\r\n"));
        out.append("MIME-Version: 1.0\r\n");
        if (attachments.isEmpty()) {
            out.append("Content-Type: text/plain; charset=UTF-8\r\n")
                    .append("Content-Transfer-Encoding: 8bit\r\n\r\n")
                    .append(body);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        String boundary = "=_part_" + UUID.randomUUID();
        out.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        out.append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: 8bit\r\n\r\n")
                .append(body).append("\r\n");
        for (Attachment a : attachments) {
            out.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: ").append(a.contentType()).append("; name=\"").append(a.name()).append("\"\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(a.name()).append("\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(a.content()))
                    .append("\r\n");
        }
        out.append("--").append(boundary).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
