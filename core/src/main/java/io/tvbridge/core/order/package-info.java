/** Orders from plan to broker and back: ids, exposure, submission, and the ledger of broker events. */
package io.tvbridge.core.order;
