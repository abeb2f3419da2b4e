/**
 * JUnit 5 support for plugin tests: {@link dev.deskcc.junit.DeskSimulatorTest} runs a plugin
 * module's freshly built jar in a simulator, a fixture per test, in the spirit of Jenkins'
 * {@code JenkinsRule}.
 *
 * @since 1.2
 */
package dev.deskcc.junit;
