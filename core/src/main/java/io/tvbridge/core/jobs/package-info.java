/** Work that runs on a schedule (reconciliation, reports, backups): named jobs, their next and last runs. */
package io.tvbridge.core.jobs;
