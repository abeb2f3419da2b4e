/** Help-center access decisions. */
package dev.deskcc.api.access;
