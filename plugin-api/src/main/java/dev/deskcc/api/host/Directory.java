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
 *
 * @since 1.0
 */
public interface Directory {

  /**
   * The organisation.
   *
   * @since 1.0
   */
  Org org();

  /**
   * Every department.
   *
   * @since 1.0
   */
  List<Department> departments();

  /**
   * The department with this id; empty when there is none.
   *
   * @since 1.0
   */
  Optional<Department> department(String departmentId);

  /**
   * The agent with this id; empty when there is none.
   *
   * @since 1.0
   */
  Optional<Agent> agent(String agentId);

  /**
   * The agent with this address (case ignored), if any.
   *
   * @since 1.0
   */
  Optional<Agent> agentByAddress(EmailAddress address);

  /**
   * Whether the address is one of the desk's own (any department's support or from-address),
   * written plainly or plus-tagged ({@code support+tag@…}). Support wins if an address is both.
   *
   * @since 1.0
   */
  Optional<DeskAddress> deskAddress(EmailAddress address);
}
