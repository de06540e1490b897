/** The accounts of one daemon, by name: the rule every account name follows. */
package io.tvbridge.core.account;
