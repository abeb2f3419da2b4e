/**
 * Benchmarks of the host and the secondary-contacts plugin: JMH for in-process work, small mains
 * for HTTP load, mail delivery, start-up and heap. The plugin is always loaded by the real PF4J
 * host from a folder (never from the classpath). See BENCHMARKS.md at the repository root.
 */
package dev.deskcc.bench;
