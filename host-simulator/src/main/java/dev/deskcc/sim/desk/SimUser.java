package dev.deskcc.sim.desk;

/**
 * Someone the loaded fixture gave a bearer token, as the simulator's sign-in picker lists them.
 *
 * @param role {@code admin}, {@code agent} or {@code contact}
 */
public record SimUser(String name, String email, String role, String token) {}
