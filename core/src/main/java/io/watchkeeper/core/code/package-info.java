/** Code-scanning results delivered to pull requests: repositories, pull requests, their findings, accepted risks, the webhook queue. */
package io.watchkeeper.core.code;
