/**
 * Immutable values of the platform's domain, as the host shows them to plugins. All records
 * reject {@code null} components unless a component's Javadoc says it may be {@code null}.
 */
package dev.deskcc.api.model;
