/** Which of the daemon's accounts an alert goes to: the account it names, else the {@code ROUTES} rules. */
package io.tvbridge.core.account.routes;
