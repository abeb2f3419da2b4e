package dev.deskcc.cc.added;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Ticket;

/**
 * The words of a {@code CC_ADDED} notice, plain and HTML (every name and the subject escaped in
 * the HTML: they are other people's text).
 */
record NoticeText(String subject, String plain, String html) {

  static NoticeText of(Ticket ticket, Contact to, Adder adder) {
    String ticketName = "ticket #" + ticket.number() + " \u201c" + ticket.subject() + "\u201d";
    String greeting = to.name() == null || to.name().isBlank() ? "Hello," : "Hello " + to.name() + ",";
    String what = adder.byMail() != null
        ? "You were copied on an email to " + adder.byMail() + " from " + adder.shown()
            + ", so you were added as a CC on " + ticketName + "."
        : adder.shown() + " added you as a CC on " + ticketName + ".";
    String why = "As a CC you get the emails about this ticket: replies from the support team, public "
        + "comments and their changes. Reply to any of them to write on the ticket.";
    String how = "Don't want these emails? Use the unsubscribe link of this message (your mail program may "
        + "show it as \u201cUnsubscribe\u201d) to mute this ticket; you can also mute it in the help center.";
    String plain = greeting + "\n\n" + what + "\n\n" + why + "\n\n" + how + "\n";
    String html = "<p>" + escape(greeting) + "</p>\n<p>" + escape(what) + "</p>\n<p>" + escape(why) + "</p>\n<p>"
        + escape(how) + "</p>\n";
    return new NoticeText("[#" + ticket.number() + "] You were added as a CC: " + ticket.subject(), plain, html);
  }

  /** HTML text escaping: the five characters that can end text or an attribute. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
