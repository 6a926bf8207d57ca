/** Ports for notifications: what the notifiers need from storage (which notifications were sent). */
package io.watchkeeper.core.notify;
