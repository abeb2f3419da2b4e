/** The address rules: who may be a CC, the cap, dedupe; one implementation for every path. */
package dev.deskcc.cc.address;
