/** Ports that answer questions about the watched inventory for other modules (code scanning). */
package io.watchkeeper.core.inventory;
