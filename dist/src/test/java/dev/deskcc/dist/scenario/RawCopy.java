package dev.deskcc.dist.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** One recipient's copy of an outbox message, as a mail program parses it (contract §6). */
final class RawCopy {
    private RawCopy() {}

    /** {@code GET /sim/outbox/{seq}/raw?to=}, parsed with Jakarta Mail; insists on 200. */
    static MimeMessage fetch(DeskApi desk, JsonNode message, String to) throws Exception {
        Answer raw = desk.http().get("/sim/outbox/" + message.path("seq").asLong() + "/raw?to="
                + URLEncoder.encode(to, StandardCharsets.UTF_8), null);
        assertThat(raw.status()).as("%s", raw).isEqualTo(200);
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.raw().getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The bare addresses of a header, lower case; empty for an absent header. */
    static Set<String> addresses(Address[] list) {
        return list == null ? Set.of() : Arrays.stream(list).map(a -> ((InternetAddress) a).getAddress().toLowerCase())
                .collect(Collectors.toSet());
    }
}
