package dev.deskcc.dist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure reads over the contract's JSON: a ticket's CC list, who an outbox message reached. */
final class Views {

    private static final Pattern ANGLE = Pattern.compile("<([^>]+)>");

    private Views() {}

    /** The bare address of {@code "Name <a@b>"} or {@code "a@b"}, lower-cased. */
    static String address(String text) {
        Matcher m = ANGLE.matcher(text);
        return (m.find() ? m.group(1) : text).trim().toLowerCase(Locale.ROOT);
    }

    static boolean hasCcField(JsonNode ticket) {
        return ticket.path("fields").has("cc");
    }

    /** The ticket's CC addresses in the order the ticket lists them, lower-cased. */
    static List<String> ccEmails(JsonNode ticket) {
        List<String> out = new ArrayList<>();
        ticket.path("fields").path("cc").forEach(c -> out.add(c.path("email").asText().toLowerCase(Locale.ROOT)));
        return out;
    }

    static Optional<JsonNode> ccEntry(JsonNode ticket, String email) {
        for (JsonNode c : ticket.path("fields").path("cc")) {
            if (c.path("email").asText().equalsIgnoreCase(email)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static List<String> recipients(JsonNode message) {
        List<String> out = new ArrayList<>();
        message.path("to").forEach(a -> out.add(address(a.asText())));
        message.path("cc").forEach(a -> out.add(address(a.asText())));
        return out;
    }

    /** Everyone notified of {@code event}: in {@code to} or {@code cc} of a message of that event. */
    static Set<String> notified(List<JsonNode> messages, String event) {
        Set<String> out = new TreeSet<>();
        for (JsonNode m : messages) {
            if (event.equals(m.path("event").asText())) {
                out.addAll(recipients(m));
            }
        }
        return out;
    }

    /** How many times {@code email} appears among the recipients of {@code event}'s messages. */
    static long timesNotified(List<JsonNode> messages, String event, String email) {
        return messages.stream()
                .filter(m -> event.equals(m.path("event").asText()))
                .flatMap(m -> recipients(m).stream())
                .filter(email.toLowerCase(Locale.ROOT)::equals)
                .count();
    }

    /** Everyone who got a message carrying {@code ratingInvite: true}. */
    static Set<String> invited(List<JsonNode> messages, String event) {
        Set<String> out = new TreeSet<>();
        for (JsonNode m : messages) {
            if (event.equals(m.path("event").asText()) && m.path("ratingInvite").asBoolean(false)) {
                out.addAll(recipients(m));
            }
        }
        return out;
    }

    static List<JsonNode> messagesOf(List<JsonNode> messages, String event) {
        return messages.stream().filter(m -> event.equals(m.path("event").asText())).toList();
    }

    static List<JsonNode> thread(JsonNode ticket, String kind) {
        List<JsonNode> out = new ArrayList<>();
        ticket.path("thread").forEach(e -> {
            if (kind.equals(e.path("kind").asText())) {
                out.add(e);
            }
        });
        return out;
    }

    /** The help-center row of {@code ticketId} in a contact's ticket list. */
    static Optional<JsonNode> row(List<JsonNode> tickets, String ticketId) {
        return tickets.stream().filter(t -> ticketId.equals(t.path("id").asText())).findFirst();
    }
}
