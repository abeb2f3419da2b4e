/** Carrying CC lists over when tickets are merged (the {@code ccFrom} merge choice). */
package dev.deskcc.cc.merge;
