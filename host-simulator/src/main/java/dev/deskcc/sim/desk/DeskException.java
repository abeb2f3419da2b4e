package dev.deskcc.sim.desk;

import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.error.Refusal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every refusal of the desk: the host's own {@link ProblemCode}, or a plugin's refusal with the
 * plugin's code; a human detail and the rejected items. The HTTP layer turns it into a problem
 * document in one place.
 */
public final class DeskException extends RuntimeException {
  /** The host's code; null for a plugin's refusal. */
  private final ProblemCode problem;
  /** A plugin's refusal; null for the host's own. */
  private final Refusal refusal;
  private final List<ItemError> errors;

  /** The host's refusal with {@code code}, answered with the code's status; {@code errors} are the rejected items. */
  public DeskException(ProblemCode code, String detail, List<ItemError> errors) {
    super(detail);
    this.problem = Objects.requireNonNull(code, "code");
    this.refusal = null;
    this.errors = List.copyOf(errors);
  }

  /** The host's refusal with {@code code} and no items. */
  public DeskException(ProblemCode code, String detail) {
    this(code, detail, List.of());
  }

  private DeskException(Refusal refusal) {
    super(refusal.message());
    this.problem = null;
    this.refusal = refusal;
    this.errors = List.copyOf(refusal.items());
  }

  /** The HTTP status: the host code's, or that of the plugin refusal's kind. */
  public int status() {
    return problem != null ? problem.status() : ProblemCode.status(refusal.kind());
  }

  /** The problem document's title, the status's reason phrase. */
  public String title() {
    return ProblemCode.title(status());
  }

  /** The stable code as answered: the host code's name or the plugin's own code. */
  public String code() {
    return problem != null ? problem.name() : refusal.code();
  }

  /** The host's code; empty when a plugin refused. */
  public Optional<ProblemCode> problem() {
    return Optional.ofNullable(problem);
  }

  public String detail() {
    return getMessage();
  }

  public List<ItemError> errors() {
    return errors;
  }

  /** A plugin's refusal, kept with its code and items. */
  public static DeskException of(Refusal refusal) {
    return new DeskException(Objects.requireNonNull(refusal, "refusal"));
  }

  public static DeskException badRequest(String detail) {
    return new DeskException(ProblemCode.BAD_REQUEST, detail);
  }

  public static DeskException notFound(String detail) {
    return new DeskException(ProblemCode.NOT_FOUND, detail);
  }

  public static DeskException forbidden(String detail) {
    return new DeskException(ProblemCode.FORBIDDEN, detail);
  }
}
