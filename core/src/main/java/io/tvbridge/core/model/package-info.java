/**
 * The values the engine's layers share, with no behaviour beyond their own rules: an order's
 * phase, a planned order, a decision and the outcome of a webhook, a reconciliation's result.
 * Everything in core may use them; they use nothing of core but the alert's vocabulary.
 */
package io.tvbridge.core.model;
