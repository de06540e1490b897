/** Network addresses: IP literals, CIDR ranges and the allowlists built from them. */
package io.tvbridge.core.net;
