/** Between tvbridge's vocabulary and OANDA's: symbols, order fields, order states and reasons. */
package io.tvbridge.broker.oanda.mapping;
