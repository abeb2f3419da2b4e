/** The CC rules applied to every ticket change (check phase), and what follows a commit (react). */
package dev.deskcc.cc.lifecycle;
