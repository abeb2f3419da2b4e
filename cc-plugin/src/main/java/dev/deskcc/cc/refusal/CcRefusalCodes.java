package dev.deskcc.cc.refusal;

import dev.deskcc.api.error.RefusalCode;
import dev.deskcc.api.error.RefusalCodes;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/** Declares every {@link CcRefusal} for the host's API reference. */
@Extension
public final class CcRefusalCodes implements RefusalCodes {
  private static final List<RefusalCode> CODES = Arrays.stream(CcRefusal.values()).map(CcRefusal::declared).toList();

  @Override
  public List<RefusalCode> refusalCodes() {
    return CODES;
  }
}
