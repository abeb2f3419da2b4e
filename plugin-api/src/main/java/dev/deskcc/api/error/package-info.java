/** Typed refusals a plugin returns; the host maps them to HTTP problem details. */
package dev.deskcc.api.error;
