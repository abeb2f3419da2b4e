/**
 * The {@code secondary-contacts} plugin: secondary contacts (CC) on help-desk tickets, built only
 * on the platform SPI ({@code dev.deskcc.api}). One package per feature: {@code settings},
 * {@code address} (the address rules every path uses), {@code store} (the plugin's data), {@code
 * field}, {@code lifecycle} (check and react), {@code merge}, {@code notify}, {@code access}.
 */
package dev.deskcc.cc;
