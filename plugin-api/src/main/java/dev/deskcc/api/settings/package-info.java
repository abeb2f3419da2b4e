/** Per-department plugin settings: their description for a settings screen, and validation. */
package dev.deskcc.api.settings;
