/** Telling a person that they were added as a CC ({@code CC_ADDED}, contract §6). */
package dev.deskcc.cc.added;
