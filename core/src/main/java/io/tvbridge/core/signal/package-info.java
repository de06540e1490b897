/** The signal path: a webhook's body checked, stored in the inbox, decided, and answered. */
package io.tvbridge.core.signal;
