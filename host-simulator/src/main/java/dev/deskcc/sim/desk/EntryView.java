package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.deskcc.api.model.Attachment;
import dev.deskcc.api.model.EntryKind;
import java.time.Instant;
import java.util.List;

/** A thread entry as the contract shows it. */
public record EntryView(
    String id,
    EntryKind kind,
    @JsonProperty("public") boolean isPublic,
    AuthorView author,
    String content,
    List<String> to,
    List<String> cc,
    List<Attachment> attachments,
    Instant createdAt,
    @Nullable Instant editedAt,
    boolean deleted) {}
