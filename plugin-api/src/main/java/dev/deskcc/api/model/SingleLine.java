package dev.deskcc.api.model;

/**
 * The rule that names and subjects are single lines (contract v1.1 §2): every control character
 * (Unicode category Cc: CR, LF, TAB, NUL, DEL, C1 …) becomes one space. The records that carry a
 * name or a subject apply it when they are made, so no path into the desk (API, mail, fixture,
 * plugin) can store one that would split a header built from it, whatever renders it later.
 *
 * @since 1.2
 */
public final class SingleLine {
  private SingleLine() {}

  /**
   * {@code text} with each control character replaced by a space; {@code null} stays {@code null}.
   *
   * @since 1.2
   */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    int first = firstControl(text);
    if (first < 0) {
      return text; // the common case: no copy
    }
    char[] chars = text.toCharArray();
    for (int i = first; i < chars.length; i++) {
      if (Character.getType(chars[i]) == Character.CONTROL) {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.getType(text.charAt(i)) == Character.CONTROL) {
        return i;
      }
    }
    return -1;
  }
}
