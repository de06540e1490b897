/** Amounts with their currency, and their conversion into the account's currency at the broker's rates. */
package io.tvbridge.core.money;
