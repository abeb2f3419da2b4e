/** Plugin-defined ticket fields and the department layout they appear in. */
package dev.deskcc.api.field;
