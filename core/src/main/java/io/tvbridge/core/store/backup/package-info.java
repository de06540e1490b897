/** Backups of the H2 database, their retention, and restoring one into a stopped daemon's data directory. */
package io.tvbridge.core.store.backup;
