/** The daemon's HTTP surfaces on Jetty 12 and Jersey 3: HTTP in, core calls, HTTP out; nothing else. */
package io.tvbridge.server;
