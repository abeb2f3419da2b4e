package dev.deskcc.sim.recipient;

import java.nio.charset.StandardCharsets;

/**
 * The unsubscribe pages: plain HTML that works without script or style (the server's policy
 * allows neither inline), usable by keyboard (one labelled button), in English.
 */
public final class UnsubscribeHtml {
  private UnsubscribeHtml() {}

  /** The page a link opens: what the button does, and a form that POSTs to the same URL. */
  public static byte[] confirm(UnsubscribePage page) {
    String what = "Stop emails about ticket #" + page.ticketNumber() + " \u201c" + escape(page.subject())
        + "\u201d to " + escape(page.email());
    String body = page.muted()
        ? "<p>" + escape(page.email()) + " gets no more emails about this ticket. You can turn them back on in"
            + " the help center.</p>"
        : "<p>" + what + "? Nothing changes until you press the button.</p>\n"
            + "<form method=\"post\">\n"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n"
            + "<button type=\"submit\">Stop emails about this ticket</button>\n"
            + "</form>";
    return page("Stop emails about ticket #" + page.ticketNumber(), what, body);
  }

  /** The answer to the button (or a mail client's one-click POST): it is done. */
  public static byte[] done(UnsubscribePage page) {
    String heading = "You will get no more emails about ticket #" + page.ticketNumber();
    String body = "<p>" + escape(page.email()) + " is no longer sent emails about ticket #" + page.ticketNumber()
        + " \u201c" + escape(page.subject()) + "\u201d. Your access to the ticket stays: you can turn emails back"
        + " on from the help center.</p>";
    return page("Unsubscribed from ticket #" + page.ticketNumber(), heading, body);
  }

  private static byte[] page(String title, String heading, String body) {
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"robots\" content=\"noindex\">\n"
        + "<title>" + escape(title) + "</title>\n</head>\n<body>\n<main>\n<h1>" + heading + "</h1>\n"
        + body + "\n</main>\n</body>\n</html>\n").getBytes(StandardCharsets.UTF_8);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
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
