/**
 * Who may do what: console and API users, their roles (viewer &lt; commenter &lt; justifier &lt; admin),
 * the accounts they are limited to, and API tokens. Password and token hashes never leave the store
 * through these types.
 */
package io.watchkeeper.core.access;
