/** Help-center access for present and former CCs. */
package dev.deskcc.cc.access;
