package dev.deskcc.api.host;

import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Org;
import java.util.List;
import java.util.Optional;

/**
 * Facts about the organisation. Look-ups by address are constant-time in the size of the
 * directory, so a plugin may call them once per address of a request.
 */
public interface Directory {

  /** The organisation. */
  Org org();

  /** Every department. */
  List<Department> departments();

  /** The department with this id; empty when there is none. */
  Optional<Department> department(String departmentId);

  /** The agent with this id; empty when there is none. */
  Optional<Agent> agent(String agentId);

  /** The agent with this address (case ignored), if any. */
  Optional<Agent> agentByAddress(EmailAddress address);

  /**
   * Whether the address is one of the desk's own (any department's support or from-address),
   * written plainly or plus-tagged ({@code support+tag@…}). Support wins if an address is both.
   */
  Optional<DeskAddress> deskAddress(EmailAddress address);
}
