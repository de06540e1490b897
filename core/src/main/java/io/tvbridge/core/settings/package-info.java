/** Runtime-editable settings: the catalog, seeding from the environment, validation, storage with audit. */
package io.tvbridge.core.settings;
