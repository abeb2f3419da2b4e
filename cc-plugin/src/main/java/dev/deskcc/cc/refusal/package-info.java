/** The codes the plugin refuses with, and their declaration for the host's API reference. */
package dev.deskcc.cc.refusal;
