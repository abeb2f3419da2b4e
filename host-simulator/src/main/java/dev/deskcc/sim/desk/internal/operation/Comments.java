package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.lifecycle.CommentAdded;
import dev.deskcc.api.lifecycle.CommentDeleted;
import dev.deskcc.api.lifecycle.CommentEdited;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Attachment;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CommentEditRequest;
import dev.deskcc.sim.desk.CommentRequest;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.EntryView;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.change.Notifier;
import dev.deskcc.sim.desk.internal.change.TicketChanges;
import dev.deskcc.sim.store.StoreTx;
import java.time.Instant;
import java.util.List;

/**
 * Comments: agents' public or private, contacts' always public; edited or deleted only by their
 * author or an admin. A deleted comment stays in the thread, empty and marked deleted.
 */
public final class Comments {
  /** The lifecycle event of a rewritten comment. */
  @FunctionalInterface
  private interface Rewritten {
    TicketEvent event(Ticket updated, Actor actor, ThreadEntry before, ThreadEntry after);
  }

  private final DeskParts parts;

  public Comments(DeskParts parts) {
    this.parts = parts;
  }

  public EntryView add(Caller caller, String ticketId, CommentRequest request) {
    requireContent(request == null ? null : request.content());
    return parts.lifecycle().run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = parts.access().see(tx, caller, ticketId).ticket();
      TicketChanges.requireNotMerged(t);
      boolean isPublic = caller.isContact() || Boolean.TRUE.equals(request.isPublic());
      EmailAddress authorEmail = Notifier.actorAddress(tx, change.actor()).orElse(null);
      ThreadEntry entry = new ThreadEntry(tx.newId("e"), EntryKind.COMMENT, isPublic, change.actor(), authorEmail,
          request.content(), List.of(), List.of(), List.of(), change.now(), null, false);
      Ticket updated = TicketEdits.copy(t, TicketEdits.append(t.thread(), entry), t.status(), null, t.restrictedContactIds());
      tx.putTicket(updated);
      parts.changes().history(change, t.id(), "COMMENT_ADDED",
          Details.obj("entryId", entry.id(), "public", String.valueOf(isPublic)));
      parts.changes().process(change, new CommentAdded(updated, change.actor(), entry));
      return Views.entry(entry);
    });
  }

  public EntryView edit(Caller caller, String ticketId, String entryId, CommentEditRequest request) {
    requireContent(request == null ? null : request.content());
    return rewrite(caller, ticketId, entryId, "COMMENT_EDITED",
        (before, now) -> rewritten(before, request.content(), before.attachments(), now, false),
        (updated, actor, before, after) -> new CommentEdited(updated, actor, after, before.content()));
  }

  public void delete(Caller caller, String ticketId, String entryId) {
    rewrite(caller, ticketId, entryId, "COMMENT_DELETED",
        (before, now) -> rewritten(before, "", List.of(), now, true),
        (updated, actor, before, after) -> new CommentDeleted(updated, actor, before));
  }

  private EntryView rewrite(Caller caller, String ticketId, String entryId, String historyType,
      java.util.function.BiFunction<ThreadEntry, Instant, ThreadEntry> edit, Rewritten event) {
    return parts.lifecycle().run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = parts.access().see(tx, caller, ticketId).ticket();
      ThreadEntry before = ownComment(caller, t, entryId);
      ThreadEntry after = edit.apply(before, change.now());
      Ticket updated = TicketEdits.replaceEntry(t, after, true);
      tx.putTicket(updated);
      parts.changes().history(change, t.id(), historyType, Details.obj("entryId", entryId));
      parts.changes().process(change, event.event(updated, change.actor(), before, after));
      return Views.entry(after);
    });
  }

  private static ThreadEntry rewritten(ThreadEntry before, String content, List<Attachment> attachments,
      Instant editedAt, boolean deleted) {
    return new ThreadEntry(before.id(), before.kind(), before.isPublic(), before.author(), before.authorEmail(),
        content, before.to(), before.cc(), attachments, before.createdAt(), editedAt, deleted);
  }

  private static void requireContent(String content) {
    if (content == null) {
      throw DeskException.badRequest("content is required");
    }
  }

  /** The caller's own (or, for an admin, any) live comment; a contact never reaches a private one. */
  private static ThreadEntry ownComment(Caller caller, Ticket t, String entryId) {
    ThreadEntry e = t.entry(entryId).filter(Views::isComment)
        .orElseThrow(() -> DeskException.notFound("no comment " + entryId));
    if (caller.isContact() && !e.isPublic()) {
      throw DeskException.notFound("no comment " + entryId);
    }
    if (e.deleted()) {
      throw new DeskException(ProblemCode.COMMENT_DELETED, "the comment was deleted");
    }
    boolean author = Views.isActor(e.author(), caller.isContact() ? ActorType.CONTACT : ActorType.AGENT, caller.id());
    if (!author && !caller.isAdmin()) {
      throw DeskException.forbidden("only the comment's author or an admin may change it");
    }
    return e;
  }
}
