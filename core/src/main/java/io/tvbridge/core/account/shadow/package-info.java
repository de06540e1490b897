/**
 * Shadow accounts: a paper account that places every order another account decides, at the
 * prices that account's signals saw ({@link io.tvbridge.core.account.shadow.ShadowMirror}), and
 * the slippage between the two accounts' fills ({@link io.tvbridge.core.account.shadow.SlippageReport}).
 */
package io.tvbridge.core.account.shadow;
