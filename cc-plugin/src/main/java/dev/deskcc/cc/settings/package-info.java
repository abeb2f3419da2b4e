/** Per-department settings of secondary contacts. */
package dev.deskcc.cc.settings;
