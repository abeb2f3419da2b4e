package dev.deskcc.sim.desk.internal.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.InvalidEmailAddressException;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.store.StoreReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recipient lists as requests give them: address strings or {@code {"contactId"}} objects. */
public final class RecipientLists {
  private RecipientLists() {}

  public static EmailAddress parseOr422(String text, ProblemCode code) {
    try {
      return EmailAddress.parse(text);
    } catch (InvalidEmailAddressException e) {
      throw new DeskException(code, "not a valid address: " + text,
          List.of(new ItemError(text, "INVALID_ADDRESS", e.getMessage())));
    }
  }

  public static RecipientInput input(List<JsonNode> items) {
    return items == null ? RecipientInput.absent() : new RecipientInput(true, items);
  }

  /** The addresses of a recipient list (strings or {"contactId"} objects); bad items go to errors. */
  public static List<EmailAddress> addresses(StoreReader r, RecipientInput input, List<ItemError> errors) {
    List<EmailAddress> out = new ArrayList<>();
    for (JsonNode item : input.items()) {
      if (item != null && item.isTextual()) {
        Optional<EmailAddress> a = EmailAddress.tryParse(item.textValue());
        if (a.isPresent()) {
          if (!out.contains(a.get())) {
            out.add(a.get());
          }
        } else {
          errors.add(new ItemError(item.textValue(), "INVALID_ADDRESS", "not a valid address"));
        }
      } else if (item != null && item.isObject() && item.path("contactId").isTextual()) {
        Optional<Contact> c = r.contact(item.path("contactId").textValue());
        Optional<EmailAddress> a = c.flatMap(Notifier::mailbox);
        if (a.isPresent()) {
          if (!out.contains(a.get())) {
            out.add(a.get());
          }
        } else {
          errors.add(new ItemError(item.toString(), c.isPresent() ? "CONTACT_ANONYMOUS" : "UNKNOWN_CONTACT",
              c.isPresent() ? "the contact has no address" : "no such contact"));
        }
      } else {
        errors.add(new ItemError(item == null ? null : item.toString(), "INVALID_ADDRESS",
            "expected an address or {\"contactId\": …}"));
      }
    }
    return out;
  }
}
