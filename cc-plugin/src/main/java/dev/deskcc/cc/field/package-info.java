/** The {@code cc} ticket field and its value. */
package dev.deskcc.cc.field;
